using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Funnels;

/// <summary>Two app processes sharing PostgreSQL and Redis: a card moved in a browser on node A moves in a browser on node B.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CrossNodeBoardTests(AppCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync()
    {
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }

    [Fact]
    public async Task A_move_on_node_A_appears_on_node_B_with_presence_across_nodes()
    {
        var onA = await BoardAsync(cluster.NodeA, BrowserTest.DemoOwnerMobile);
        var onB = await BoardAsync(cluster.NodeB, BrowserTest.DemoManagerMobile);
        output.WriteLine($"node A {cluster.NodeA.Port}, node B {cluster.NodeB.Port}");

        // Presence crosses nodes through Redis.
        await Expect(onB.ByTestId("board-presence")).ToContainTextAsync("张");
        await Expect(onA.ByTestId("board-presence")).ToContainTextAsync("王");

        var columns = onA.ByTestId("board-column");
        var from = columns.Nth(1);
        var to = columns.Nth(2);
        var fromStage = await from.GetAttributeAsync("data-stage");
        var toStage = await to.GetAttributeAsync("data-stage");
        var card = onB.Locator($"[data-testid='board-column'][data-stage='{fromStage}'] [data-testid='board-card']").First;
        var lead = await card.GetAttributeAsync("data-lead");

        await onA.Locator($"[data-testid='board-card'][data-lead='{lead}']").DragToAsync(to.Locator(".board-zone"));

        await Expect(onB.Locator($"[data-testid='board-column'][data-stage='{toStage}'] [data-testid='board-card'][data-lead='{lead}']")).ToBeVisibleAsync();
        await Expect(onB.Locator($"[data-testid='board-column'][data-stage='{fromStage}'] [data-testid='board-card'][data-lead='{lead}']")).ToHaveCountAsync(0);
    }

    private async Task<IPage> BoardAsync(AppProcess node, string mobile)
    {
        var context = await cluster.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.LoginAsync(node.AgencyUrl(BrowserTest.DemoSlug), mobile, BrowserTest.DemoPassword);
        await page.GotoAsync(node.AgencyUrl(BrowserTest.DemoSlug) + "/boards");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("board-card").First).ToBeVisibleAsync();
        return page;
    }
}
