using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.CustomFields;

/// <summary>
/// 表单引擎: the owner adds a select field, a salesperson-style entry fills it on the new-lead form, the lead page and
/// list show it, and a pool built on it with the visual builder selects the lead.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CustomFieldJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_owner_adds_a_field_fills_it_on_a_new_lead_and_builds_a_pool_on_it() => Journey(async () =>
    {
        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await page.ClickTestId("nav-custom-fields");
        await page.WaitForURLAsync(new Regex("/settings/fields$"));
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid='custom-field-row'][data-label='名下房产']")).ToBeVisibleAsync();

        Step("a new single-choice field; a missing option is refused with the reason");
        var label = "学历" + Guid.NewGuid().ToString("N")[..3];
        await page.ClickTestId("custom-field-new");
        var dialog = page.ByTestId("custom-field-dialog");
        await page.FillField("custom-field-label", label);
        await page.ChooseAsync(dialog.ByTestId("custom-field-type"), "单选");
        await page.ClickTestId("custom-field-save");
        await Expect(dialog).ToContainTextAsync("请至少填写一个选项");
        var options = await Ui.InputAsync(dialog.ByTestId("custom-field-options"));
        await options.FillAsync("大专\n本科\n硕士");
        await options.BlurAsync();
        await Screenshots.Shoot(page, "custom-field-dialog");
        await page.ClickTestId("custom-field-save");
        await Expect(dialog).ToHaveCountAsync(0);
        var row = page.Locator($"[data-testid='custom-field-row'][data-label='{label}']");
        await Expect(row.ByTestId("custom-field-rules")).ToContainTextAsync("大专 / 本科 / 硕士");
        await Screenshots.Shoot(page, "custom-fields");

        Step("the new-lead form asks for it; a bad amount in a money field says why");
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads/new");
        await page.WaitInteractiveAsync();
        var name = "郑" + Guid.NewGuid().ToString("N")[..3];
        await page.FillField("lead-field-name", name);
        await page.FillField("lead-field-mobile", "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.ByTestId("lead-fields-custom")).ToBeVisibleAsync();
        await page.FillField("custom-field-社保缴纳基数", "-5");
        await Expect(page.GetByText("不能小于 0")).ToBeVisibleAsync();
        await page.FillField("custom-field-社保缴纳基数", "1.2万");
        await Expect(page.GetByText("不能小于 0")).ToHaveCountAsync(0);
        await page.ChooseAsync(page.ByTestId("custom-field-" + label), "硕士");
        await page.ChooseAsync(page.ByTestId("custom-field-名下房产"), "全款房");
        await page.ClickTestId("lead-save");
        await page.WaitForURLAsync(new Regex("/leads/[0-9a-f-]{36}$"));
        await Expect(page.ByTestId("lead-custom-" + label)).ToContainTextAsync("硕士");
        await Expect(page.ByTestId("lead-custom-社保缴纳基数")).ToContainTextAsync("12,000");

        Step("a pool on the new field, built in the visual builder, selects the lead");
        await page.ClickTestId("nav-pools");
        await page.WaitForURLAsync(new Regex("/pools$"));
        await page.WaitInteractiveAsync();
        await page.ClickTestId("pool-new");
        var builder = page.ByTestId("pool-edit-dialog");
        var pool = "硕士客群 " + Guid.NewGuid().ToString("N")[..4];
        await page.FillField("pool-name", pool);
        await page.ChooseAsync(builder.ByTestId("condition-field").First, label);
        await page.ChooseAsync(builder.ByTestId("condition-value").First, "硕士");
        await Expect(page.ByTestId("pool-preview")).ToContainTextAsync("1 人");
        await Screenshots.Shoot(page, "custom-field-pool");
        await page.ClickTestId("pool-save");
        await Expect(builder).ToHaveCountAsync(0);
        var card = page.Locator("[data-testid='pool-card']", new() { HasText = pool });
        await Expect(card.ByTestId("pool-condition")).ToContainTextAsync($"{label} 等于 硕士");
        await card.ByTestId("pool-open-leads").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/leads\?pool=[0-9a-f-]{36}$"));
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("lead-row-name")).ToHaveTextAsync([name]);

        Step("the list shows the field as a column and filters by it");
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads");
        await page.WaitInteractiveAsync();
        await page.ClickTestId("lead-filter-custom");
        await page.ChooseAsync(page.ByTestId("custom-filter-" + label), "硕士");
        await Expect(page.ByTestId("lead-row-name")).ToHaveTextAsync([name]);
        await Expect(page.ByTestId("lead-cell-名下房产")).ToHaveTextAsync(["全款房"]);
        await Screenshots.Shoot(page, "custom-field-list");
    });
}
