using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Approvals;

/// <summary>
/// 会签: the owner and the manager both have to approve a submitted application. Each sees it in 我的审批 with the nav
/// badge; the owner's approval shows on the manager's open inbox at once, and the manager's completes it, which the sales
/// person's open board shows on the customer's card at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Two_approvers_countersign_from_their_inboxes_and_each_sees_the_other_live() => Journey(async () =>
    {
        var seeded = await ApprovalSeed.CountersignAsync(App.DataDirectory, DemoSlug, DemoSalesMobile, DemoOwnerMobile, DemoManagerMobile);
        var item = $"[data-testid='approval-item'][data-number='{seeded.Number}']";

        Step("the manager opens 我的审批: the application waits, the badge counts it");
        var manager = await NewPageAsync();
        await manager.LoginAsync(App.AgencyUrl(DemoSlug), DemoManagerMobile, DemoPassword);
        await manager.GotoAsync(App.AgencyUrl(DemoSlug) + "/approvals");
        await manager.WaitInteractiveAsync();
        await Expect(manager.Locator(item)).ToBeVisibleAsync();
        await Expect(manager.ByTestId("nav-approvals-count")).ToBeVisibleAsync();
        await Expect(manager.Locator(item).ByTestId("approval-signer")).ToHaveCountAsync(2);

        Step("the sales person's board shows the card's application in approval");
        var sales = await NewPageAsync();
        await sales.LoginAsync(App.AgencyUrl(DemoSlug), DemoSalesMobile, DemoPassword);
        await sales.GotoAsync(App.AgencyUrl(DemoSlug) + "/boards");
        await sales.WaitInteractiveAsync();
        await sales.FillField("board-search", seeded.LeadName);
        var badge = sales.Locator($"[data-testid='board-card'][data-lead='{seeded.LeadId}'] [data-testid='board-card-application']");
        await Expect(badge).ToHaveAttributeAsync("data-status", "InApproval");

        Step("the owner approves from the inbox");
        var owner = await NewPageAsync();
        await owner.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await owner.GotoAsync(App.AgencyUrl(DemoSlug) + "/approvals");
        await owner.WaitInteractiveAsync();
        await Expect(owner.Locator(item)).ToBeVisibleAsync();
        await Screenshots.Shoot(owner, "approvals-inbox");
        await owner.Locator(item).ByTestId("approval-decide").ClickAsync();
        await Expect(owner.ByTestId("decide-dialog")).ToBeVisibleAsync();
        await Screenshots.Shoot(owner, "approvals-decide");
        await owner.ClickTestId("decide-confirm");
        await Expect(owner.Locator(item)).ToHaveCountAsync(0);

        Step("without a reload the manager's item shows the owner signed");
        await Expect(manager.Locator(item).Locator("[data-testid='approval-signer'][data-status='Approved']")).ToContainTextAsync(DemoOwnerName);

        Step("a rejection needs a comment; the manager approves and the application is approved");
        await manager.Locator(item).ByTestId("approval-decide").ClickAsync();
        await manager.ByTestId("decide-reject").ClickAsync();
        await manager.ClickTestId("decide-confirm");
        await Expect(manager.ByTestId("decide-error")).ToContainTextAsync("必须填写");
        await manager.ByTestId("decide-approve").ClickAsync();
        await manager.FillField("decide-comment", "同意放款");
        await manager.ClickTestId("decide-confirm");
        await Expect(manager.Locator(item)).ToHaveCountAsync(0);
        await manager.Locator(".mud-tab", new() { HasText = "我已审批" }).ClickAsync();
        await Expect(manager.Locator(item).ByTestId("approval-app-status")).ToHaveTextAsync("审批通过");
        await Screenshots.Shoot(manager, "approvals-decided");

        Step("without a reload the card on the sales person's board no longer shows an open application");
        await Expect(badge).ToHaveCountAsync(0);

        Step("the owner names a delegate for two days, sees it, and ends it");
        await owner.ClickTestId("approvals-delegation");
        await Expect(owner.ByTestId("delegation-dialog")).ToBeVisibleAsync();
        await owner.ChooseAsync(owner.ByTestId("delegation-to"), "李娜");
        await owner.FillField("delegation-reason", "出差");
        await owner.ClickTestId("delegation-save");
        await Expect(owner.ByTestId("delegation-row")).ToContainTextAsync("李娜");
        await Screenshots.Shoot(owner, "approvals-delegation");
        await owner.ClickTestId("delegation-clear");
        await Expect(owner.ByTestId("delegation-none")).ToBeVisibleAsync();
        await owner.ClickTestId("delegation-close");

        Step("admins see 无人处理");
        await owner.Locator(".mud-tab", new() { HasText = "无人处理" }).ClickAsync();
        await Expect(owner.ByTestId("stuck-tasks")).ToBeVisibleAsync();
        await Screenshots.Shoot(owner, "approvals-stuck");
    });
}
