using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Leads;

/// <summary>A salesperson on a phone: types a lead in (an inline error first), lands on its page, reveals the mobile with a reason, makes it a customer.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LeadPageJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Sales_adds_a_lead_on_a_phone_then_reveals_its_mobile_with_a_reason() => Journey(async () =>
    {
        var page = await NewPageAsync(390, 844);
        // Straight from the sign-in to the form, as a salesperson following a link on the phone would.
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/login?ReturnUrl=%2Fleads%2Fnew");
        await page.FillField("login-name", DemoSalesMobile);
        await page.FillField("login-password", DemoPassword);
        await page.ClickTestId("login-submit");
        var mobile = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = "周" + Guid.NewGuid().ToString("N")[..3];

        Step("new-lead form: a bad mobile shows its error inline");
        await page.WaitForURLAsync(new Regex("/leads/new$"));
        await page.WaitInteractiveAsync();
        await page.FillField("lead-field-name", name);
        await page.FillField("lead-field-mobile", "1381234");
        await Expect(page.GetByText("手机号格式不正确")).ToBeVisibleAsync();
        await page.FillField("lead-field-city", "上海");
        await page.FillField("lead-field-amount", "80");
        await Screenshots.Shoot(page, "lead-new");

        Step("fix the mobile and save");
        await page.FillField("lead-field-mobile", mobile);
        await Expect(page.GetByText("手机号格式不正确")).ToHaveCountAsync(0);
        await page.ClickTestId("lead-save");
        await page.WaitForURLAsync(LeadUrl());
        await Expect(page.ByTestId("lead-name")).ToHaveTextAsync(name);
        await Expect(page.ByTestId("lead-mobile-value")).ToHaveTextAsync($"{mobile[..3]}****{mobile[7..]}");
        await Expect(page.Locator("[data-testid='timeline-entry'][data-kind='created']")).ToBeVisibleAsync();

        Step("reveal the mobile with a reason");
        await page.ClickTestId("reveal-mobile");
        await page.ClickTestId("reveal-confirm");
        await Expect(page.GetByText("请填写原因")).ToBeVisibleAsync();
        await page.FillField("reveal-reason", "电话回访");
        await page.ClickTestId("reveal-confirm");
        await Expect(page.ByTestId("lead-mobile-value")).ToHaveTextAsync(mobile);
        var revealed = page.Locator("[data-testid='timeline-entry'][data-kind='revealed']");
        await Expect(revealed).ToContainTextAsync("电话回访");
        await Expect(revealed).ToContainTextAsync("刘洋");
        await NoSnackbarAsync(page);
        await Screenshots.Shoot(page, "lead-page");

        Step("make the lead a customer: same record, same history");
        await page.ClickTestId("lead-convert");
        await page.ClickTestId("confirm-yes");
        await page.WaitForURLAsync(new Regex("/customers/[0-9a-f-]{36}$"));
        await Expect(page.ByTestId("lead-customer-number")).ToContainTextAsync("C");
        await Expect(page.Locator("[data-testid='timeline-entry'][data-kind='converted']")).ToBeVisibleAsync();
        await Expect(revealed).ToBeVisibleAsync();
        await NoSnackbarAsync(page);
        await Screenshots.Shoot(page, "customer-page");
    });

    /// <summary>Snackbars fade by themselves; the pictures should show the page under them.</summary>
    private static Task NoSnackbarAsync(Microsoft.Playwright.IPage page) =>
        Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });

    [GeneratedRegex("/leads/[0-9a-f-]{36}$")]
    private static partial Regex LeadUrl();
}
