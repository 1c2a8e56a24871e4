using LoanSaaS.E2E.Tests.Audit;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Leads;

[Collection(BrowserCollection.Name)]
public sealed class DuplicateMergeJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Owner_merges_two_records_of_one_person_from_the_duplicates_view() => Journey(async () =>
    {
        var page = await NewPageAsync();
        var agency = App.AgencyUrl(DemoSlug);
        await page.LoginToAsync(agency, "/leads/new", DemoOwnerMobile, DemoPassword);

        // Two records of the same name in the same city under different mobiles: the newest duplicates, listed first.
        var name = "合并" + Guid.NewGuid().ToString("N")[..4];
        Step($"create two leads named {name}");
        await CreateLeadAsync(page, agency, name, Mobile(), amount: null);
        await CreateLeadAsync(page, agency, name, Mobile(), amount: "60");

        Step("open the duplicates view");
        await page.GotoAsync(agency + "/leads/duplicates");
        await page.WaitInteractiveAsync();
        var group = page.ByTestId("dup-group").Filter(new() { HasText = name });
        await Expect(group).ToHaveCountAsync(1);
        await Expect(group.ByTestId("dup-reason")).ToContainTextAsync("姓名和城市相同");
        await Screenshots.Shoot(page, "leads-duplicates");

        Step("merge the newer record into the older one");
        await group.Locator("[data-testid^='dup-merge-'] ").First.ClickAsync();
        var dialog = page.ByTestId("merge-dialog");
        await Expect(dialog.ByTestId("merge-fields")).ToBeVisibleAsync();
        await Expect(dialog.ByTestId("merge-field-AmountWan")).ToHaveAttributeAsync("data-taken", "true");
        await Expect(dialog.ByTestId("merge-field-AmountWan")).ToContainTextAsync("60 万元");
        await Screenshots.Shoot(page, "leads-merge-dialog");
        await dialog.ByTestId("merge-confirm").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("合并到");
        await Expect(page.ByTestId("dup-group").Filter(new() { HasText = name })).ToHaveCountAsync(0);
    });

    private async Task CreateLeadAsync(IPage page, string agency, string name, string mobile, string? amount)
    {
        await page.GotoAsync(agency + "/leads/new");
        await page.WaitInteractiveAsync();
        await page.FillField("lead-field-name", name);
        await page.FillField("lead-field-mobile", mobile);
        await page.FillField("lead-field-city", "苏州");
        if (amount is not null) await page.FillField("lead-field-amount", amount);
        await page.ClickTestId("lead-save");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/leads/[0-9a-f-]{36}$"));
        Step($"created {page.Url}");
    }

    private static string Mobile() => "137" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
}
