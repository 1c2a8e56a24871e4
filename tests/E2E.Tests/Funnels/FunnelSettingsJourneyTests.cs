using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Funnels;

/// <summary>The owner adds, moves and archives a stage while the manager watches the board change live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FunnelSettingsJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_owner_adds_moves_and_archives_a_stage_and_the_managers_board_follows_live() => Journey(async () =>
    {
        var manager = await NewPageAsync();
        await manager.LoginAsync(App.AgencyUrl(DemoSlug), DemoManagerMobile, DemoPassword);
        await manager.GotoAsync(App.AgencyUrl(DemoSlug) + "/boards");
        await manager.WaitInteractiveAsync();
        await Expect(manager.ByTestId("board-column").First).ToBeVisibleAsync();

        var owner = await NewPageAsync();
        await owner.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await owner.ClickTestId("nav-funnel-settings");
        await owner.WaitForURLAsync(url => url.Contains("/settings/funnels", StringComparison.Ordinal));
        await Expect(owner.ByTestId("stage-row").First).ToBeVisibleAsync();

        Step("a name that is taken is refused in the dialog; a new one is added");
        var name = "征信查询" + Guid.NewGuid().ToString("N")[..3];
        await owner.ClickTestId("stage-add");
        await owner.FillField("stage-name", "电话初筛");
        await owner.ClickTestId("stage-save");
        await Expect(owner.GetByText("已有同名阶段")).ToBeVisibleAsync();
        await owner.FillField("stage-name", name);
        await owner.ByTestId("stage-color").Nth(9).ClickAsync();
        await owner.FillField("stage-wip", "5");
        await owner.ClickTestId("stage-save");
        var row = owner.Locator("[data-testid='stage-row']", new() { Has = owner.GetByText(name) });
        await Expect(row).ToContainTextAsync("在办上限 5");
        await Screenshots.Shoot(owner, "funnel-settings");

        Step("the manager's board shows the new column at the end, without a reload");
        var column = manager.Locator("[data-testid='board-column']", new() { Has = manager.GetByText(name) });
        await Expect(column).ToBeVisibleAsync();
        await Expect(manager.ByTestId("board-column").Last).ToContainTextAsync(name);

        Step("moved up one place");
        await row.ByTestId("stage-up").ClickAsync();
        await Expect(manager.ByTestId("board-column").Last).Not.ToContainTextAsync(name);

        Step("archived (it is empty): it leaves the board and waits under 已归档的阶段");
        await row.ByTestId("stage-archive").ClickAsync();
        await owner.ClickTestId("archive-confirm");
        await Expect(owner.Locator("[data-testid='stage-archived']", new() { Has = owner.GetByText(name) })).ToBeVisibleAsync();
        await Expect(column).ToHaveCountAsync(0);

        Step("a second board: created here, offered in the manager's move dialog, and a card moved onto it leaves the first board");
        var boardName = "车贷流程" + Guid.NewGuid().ToString("N")[..3];
        await owner.ClickTestId("board-create");
        await owner.FillField("board-name", boardName);
        await owner.ClickTestId("board-name-save");
        await Expect(owner.ByTestId("stage-row-name")).ToHaveTextAsync(["待跟进", "已成交", "已流失"]);
        var card = manager.ByTestId("board-column").First.ByTestId("board-card").First;
        var lead = await card.GetAttributeAsync("data-lead");
        await card.ByTestId("board-card-menu").ClickAsync();
        var toBoard = manager.Locator(".mud-dialog [data-testid='board-move-to-board']", new() { HasText = boardName });
        await Expect(toBoard).ToBeVisibleAsync();
        await toBoard.ClickAsync();
        await Expect(manager.Locator($"[data-testid='board-card'][data-lead='{lead}']")).ToHaveCountAsync(0);
        await manager.ClickTestId("board-switch");
        await manager.Locator(".mud-popover-open .mud-list-item", new() { HasText = boardName }).ClickAsync();
        await Expect(manager.Locator($"[data-testid='board-card'][data-lead='{lead}']")).ToBeVisibleAsync();
    });
}
