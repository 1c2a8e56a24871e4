using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Approvals;

/// <summary>
/// 审批流程设计: the owner creates a flow from the sample, adds 董事长终审 after 总经理终审 (a problem: no approvers, fixed
/// from the problem's link), adds a branch 金额 > 100万 → 董事长终审 tried first, publishes, and simulates 60万 (through
/// 总经理终审) and 150万 (straight to 董事长终审) with the path highlighted. A new key, so the demo's default flow is untouched.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApprovalFlowDesignerJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_owner_builds_a_branch_fixes_a_problem_publishes_and_simulates_the_path() => Journey(async () =>
    {
        var marker = Guid.NewGuid().ToString("N")[..4];
        var key = "e2e-" + marker;
        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await page.ClickTestId("nav-approval-flows");
        await page.WaitForURLAsync(new Regex("/settings/approval-flows$"));
        await page.WaitInteractiveAsync();
        var defaultCard = page.Locator("[data-testid='flow-card'][data-key='default']");
        await Expect(defaultCard.ByTestId("flow-card-published")).ToContainTextAsync("已发布 v");
        await Screenshots.Shoot(page, "approval-flows");

        Step("a new flow from the sample");
        await page.ClickTestId("flow-new");
        await page.FillField("flow-create-name", "大额审批" + marker);
        await page.FillField("flow-create-key", key);
        await page.ClickTestId("flow-create-save");
        await page.WaitForURLAsync(new Regex($"/settings/approval-flows/{key}$"));
        var designer = page.ByTestId("flow-designer");
        await Expect(designer.ByTestId("designer-status")).ToContainTextAsync("草稿 v1");
        await Expect(page.ByTestId("flow-valid")).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "approval-flow-designer");

        Step("董事长终审 after 总经理终审: no approvers yet, publishing is blocked");
        await Node(page, "总经理终审").ClickAsync();
        await Expect(page.ByTestId("node-panel")).ToHaveAttributeAsync("data-id", "final-review");
        await page.ClickTestId("node-add-after");
        await page.ByTestId("add-approve").ClickAsync();
        await Expect(page.ByTestId("node-panel")).ToHaveAttributeAsync("data-id", "approve-1");
        await page.FillField("node-name", "董事长终审");
        var problem = page.Locator("[data-testid='flow-problem'][data-kind='ApproveWithoutApprovers']");
        await Expect(problem).ToContainTextAsync("董事长终审：没有审批人");
        await Expect(page.ByTestId("flow-publish")).ToBeDisabledAsync();
        await Expect(page.ByTestId("publish-blocked")).ToContainTextAsync("1 个问题");

        Step("the problem's link selects the node; a role fixes it");
        await Node(page, "提交进件").ClickAsync();
        await problem.Locator("a, .mud-link").First.ClickAsync();
        await Expect(page.ByTestId("node-panel")).ToHaveAttributeAsync("data-id", "approve-1");
        await page.ByTestId("node-roles").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "老板" }).First.ClickAsync();
        await (await Ui.InputAsync(page.ByTestId("node-name"))).ClickAsync();
        await Expect(page.ByTestId("flow-valid")).ToBeVisibleAsync();

        Step("a branch 金额 > 100万 → 董事长终审, tried first");
        await Node(page, "金额判断").ClickAsync();
        await page.ClickTestId("branch-add");
        var branch = page.Locator("[data-testid='branch'][data-index='1']");
        var label = await Ui.InputAsync(branch.ByTestId("branch-label"));
        await label.FillAsync("金额 > 100万");
        await label.BlurAsync();
        await page.ChooseAsync(branch.ByTestId("condition-field").First, "申请金额（万元）");
        await page.ChooseAsync(branch.ByTestId("condition-operator").First, "大于");
        var value = await Ui.InputAsync(branch.ByTestId("condition-value").First);
        await value.FillAsync("100");
        await value.BlurAsync();
        await page.ChooseAsync(branch.ByTestId("branch-target"), "董事长终审");
        await branch.ByTestId("branch-up").ClickAsync();
        await Expect(page.Locator("[data-testid='branch'][data-index='0'] input[data-testid='branch-label']")).ToHaveValueAsync("金额 > 100万");
        await Expect(page.ByTestId("flow-valid")).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "approval-flow-node");

        Step("publish");
        await page.ClickTestId("flow-publish");
        await page.Locator(".mud-dialog .mud-dialog-actions button", new() { HasText = "发布" }).ClickAsync();
        await Expect(designer.ByTestId("designer-status")).ToContainTextAsync("已发布 v1");
        await Expect(page.ByTestId("designer-dirty")).ToHaveCountAsync(0);

        Step("simulate 60万: through 总经理终审 and 董事长终审, highlighted");
        await page.FillField("sim-amount", "60");
        await page.ClickTestId("sim-run");
        var path = page.ByTestId("sim-path");
        await Expect(path).ToContainTextAsync("总经理终审");
        await Expect(path.Locator("[data-testid='sim-step'][data-id='manager-review']")).ToContainTextAsync("申请人主管");
        await Expect(Node(page, "总经理终审")).ToHaveClassAsync(new Regex("on-path"));
        await Expect(Node(page, "董事长终审")).ToHaveClassAsync(new Regex("on-path"));
        await Screenshots.Shoot(page, "approval-flow-simulation");

        Step("simulate 150万: the new branch goes straight to 董事长终审");
        await page.FillField("sim-amount", "150");
        await page.ClickTestId("sim-run");
        await Expect(path.Locator("[data-testid='sim-step'][data-id='approve-1']")).ToContainTextAsync("经“金额 > 100万”");
        await Expect(path).Not.ToContainTextAsync("总经理终审");
        await Expect(Node(page, "总经理终审")).Not.ToHaveClassAsync(new Regex("on-path"));

        Step("the list shows the new flow published");
        await page.ClickTestId("designer-back");
        await Expect(page.Locator($"[data-testid='flow-card'][data-key='{key}']").ByTestId("flow-card-published")).ToContainTextAsync("已发布 v1");
    });

    private static ILocator Node(IPage page, string name) => page.Locator($"[data-testid='flow-node'][data-name='{name}']");
}
