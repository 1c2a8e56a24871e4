using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Assignment;

/// <summary>
/// 线索分配: the owner creates a rule in the visual builder and hands a lead waiting in the pool to the rules from the
/// list; a visitor applies on the public form; the lead lands on the chosen salesperson's board while they watch it,
/// with the bell telling them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssignmentJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_rule_built_by_the_owner_sends_a_public_form_lead_to_the_salespersons_board_live() => Journey(async () =>
    {
        var city = "测试" + Guid.NewGuid().ToString("N")[..4] + "市";
        var visitor = await NewPageAsync(390, 844);
        Step("before any rule for it, a visitor from the marker city lands in the public pool");
        var early = await ApplyAsync(visitor, city);

        var owner = await NewPageAsync();
        await owner.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await owner.ClickTestId("nav-assignment");
        await owner.WaitForURLAsync(new Regex("/settings/assignment$"));
        await owner.WaitInteractiveAsync();

        Step("a rule: city contains the marker → 刘洋, in turn");
        await owner.ClickTestId("assignment-new");
        var dialog = owner.ByTestId("assignment-dialog");
        await owner.FillField("assignment-name", "测试城市线索");
        await dialog.ByTestId("condition-add").First.ClickAsync();
        await owner.ChooseAsync(dialog.ByTestId("condition-field").First, "城市");
        await owner.ChooseAsync(dialog.ByTestId("condition-operator").First, "包含");
        var value = await Ui.InputAsync(dialog.ByTestId("condition-value").First);
        await value.FillAsync(city);
        await value.BlurAsync();
        await dialog.ByTestId("assignment-members").ClickAsync();
        await owner.Locator(".mud-popover-open .mud-list-item", new() { HasText = "刘洋" }).First.ClickAsync();
        await owner.ByTestId("assignment-name").ClickAsync();
        await Expect(owner.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Screenshots.Shoot(owner, "assignment-rule");
        await owner.ClickTestId("assignment-save");
        await Expect(dialog).ToHaveCountAsync(0);
        var rule = owner.Locator("[data-testid='assignment-rule'][data-name='测试城市线索']");
        await Expect(rule.ByTestId("assignment-condition")).ToContainTextAsync($"城市 包含 {city}");
        await Expect(rule.ByTestId("assignment-target-text")).ToContainTextAsync("刘洋");
        await Screenshots.Shoot(owner, "assignment-rules");

        Step("the owner hands the waiting pool lead to the rules from the 公海 list");
        await owner.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads/pool");
        await owner.WaitInteractiveAsync();
        await owner.FillField("lead-search", early);
        await Expect(owner.ByTestId("lead-count")).ToHaveTextAsync("共 1 条");
        var row = owner.Locator("tr", new() { Has = owner.GetByText(early) });
        await row.Locator("[data-testid='lead-select'] .mud-checkbox").ClickAsync();
        await Expect(owner.ByTestId("lead-bulk-count")).ToContainTextAsync("已选 1 条");
        await Screenshots.Shoot(owner, "assignment-selection");
        await owner.ClickTestId("lead-apply-rules");
        await Expect(owner.ByTestId("apply-rules-dialog")).ToContainTextAsync("所选的 1 条线索");
        await owner.ClickTestId("apply-rules-confirm");
        await Expect(owner.Locator(".mud-snackbar")).ToContainTextAsync("1 条分配给成员");
        await Expect(owner.Locator("tr", new() { Has = owner.GetByText(early) })).ToHaveCountAsync(0);

        Step("刘洋 watches the board; a visitor applies from that city");
        var sales = await NewPageAsync();
        await sales.LoginAsync(App.AgencyUrl(DemoSlug), DemoSalesMobile, DemoPassword);
        await sales.GotoAsync(App.AgencyUrl(DemoSlug) + "/boards");
        await sales.WaitInteractiveAsync();
        await Expect(sales.ByTestId("board-card").First).ToBeVisibleAsync();

        var name = await ApplyAsync(visitor, city);

        Step("the card appears on 刘洋's open board without a reload, and the bell says so");
        await Expect(sales.ByTestId("board-card").Filter(new() { HasText = name })).ToHaveCountAsync(1);
        await Screenshots.Shoot(sales, "assignment-board");
        await sales.ClickTestId("notification-button");
        await Expect(sales.GetByText("新分配线索：" + name)).ToBeVisibleAsync();
        await sales.Keyboard.PressAsync("Escape");

        Step("the lead's timeline names the rule");
        var lead = await sales.ByTestId("board-card").Filter(new() { HasText = name }).GetAttributeAsync("data-lead");
        await sales.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads/" + lead);
        await sales.WaitInteractiveAsync();
        await Expect(sales.Locator("[data-testid='timeline-entry'][data-kind='ruleassigned']")).ToContainTextAsync("测试城市线索");
    });

    /// <summary>Applies on the public form from <paramref name="city"/>; returns the applicant's name.</summary>
    private async Task<string> ApplyAsync(IPage visitor, string city)
    {
        await visitor.GotoAsync(App.AgencyUrl(DemoSlug) + "/apply");
        await visitor.WaitInteractiveAsync();
        var name = "冯" + Guid.NewGuid().ToString("N")[..3];
        await visitor.FillField("apply-name", name);
        await visitor.FillField("apply-amount", "30");
        await visitor.FillField("apply-city", city);
        await visitor.FillField("apply-mobile", "139" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        await visitor.Locator("[data-testid='apply-consent'] .mud-checkbox").First.ClickAsync();
        await visitor.ClickTestId("apply-submit");
        await Expect(visitor.ByTestId("apply-thanks")).ToContainTextAsync("提交成功");
        return name;
    }
}
