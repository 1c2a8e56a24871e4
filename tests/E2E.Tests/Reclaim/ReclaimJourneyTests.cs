using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Reclaim;

/// <summary>
/// 公海回收: the owner manages the reclaim rules; a lead its salesperson leaves untouched is warned of when the clock
/// moves 21 hours on and taken back to the public pool at 25 hours, the bell and the timeline saying why.
/// </summary>
[Collection(ClockedCollection.Name)]
public sealed class ReclaimJourneyTests(ClockedApp clocked, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    private string Url => clocked.App.AgencyUrl(BrowserTest.DemoSlug);

    public Task InitializeAsync()
    {
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(20_000);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await clocked.MoveClockAsync(TimeSpan.Zero);
        foreach (var context in _contexts) await context.CloseAsync();
    }

    private async Task<IPage> PageAsync(int width = 1280, int height = 800)
    {
        var context = await clocked.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task A_lead_left_untouched_is_reclaimed_after_the_clock_moves()
    {
        try
        {
            await JourneyAsync();
        }
        catch (Exception)
        {
            output.WriteLine(clocked.App.OutputSince(0)[^Math.Min(20_000, clocked.App.OutputSince(0).Length)..]);
            foreach (var (page, n) in _contexts.SelectMany(c => c.Pages).Select((p, i) => (p, i)))
                await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "failures", $"reclaim-{n}.png"), FullPage = true });
            throw;
        }
    }

    /// <summary>
    /// How long a sweep's effect may take to show after the clock moved: a pass over the whole demo agency, on two cores
    /// shared with the other journeys' app and browsers.
    /// </summary>
    private const int SweepWait = 60_000;

    /// <summary>Opens the bell (again, if a re-render closed it) until <paramref name="item"/> shows.</summary>
    private static async Task OpenBellUntilAsync(IPage page, ILocator item)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await item.IsVisibleAsync())
        {
            if (clock.Elapsed > TimeSpan.FromMilliseconds(SweepWait)) throw new TimeoutException("The notification did not show in the bell.");
            if (await page.Locator(".mud-popover-open [data-testid='notification-item']").CountAsync() == 0) await page.ClickTestId("notification-button");
            await page.WaitForTimeoutAsync(500);
        }
    }

    private async Task JourneyAsync()
    {
        output.WriteLine("the owner sees the seeded tiered rules and adds one in the builder");
        var owner = await PageAsync();
        await owner.LoginAsync(Url, BrowserTest.DemoOwnerMobile, BrowserTest.DemoPassword);
        await owner.ClickTestId("nav-reclaim");
        await owner.WaitForURLAsync(new Regex("/settings/reclaim$"));
        await owner.WaitInteractiveAsync();
        var rules = owner.ByTestId("reclaim-rule");
        await Expect(rules).ToHaveCountAsync(2);
        await Expect(rules.Nth(0).ByTestId("reclaim-condition")).ToContainTextAsync("意向等级");
        await Expect(rules.Nth(1).ByTestId("reclaim-limits")).ToContainTextAsync("分配后 24 小时未联系，或 3 天未跟进，或 7 天未推进");

        await owner.ClickTestId("reclaim-new");
        var dialog = owner.ByTestId("reclaim-dialog");
        await owner.FillField("reclaim-name", "上海线索");
        await dialog.ByTestId("condition-add").First.ClickAsync();
        await owner.ChooseAsync(dialog.ByTestId("condition-field").First, "城市");
        await owner.ChooseAsync(dialog.ByTestId("condition-operator").First, "包含");
        var value = await Ui.InputAsync(dialog.ByTestId("condition-value").First);
        await value.FillAsync("上海");
        await value.BlurAsync();
        await owner.FillField("reclaim-hours", "");
        await owner.ClickTestId("reclaim-save");
        await Expect(dialog.ByTestId("reclaim-error").Filter(new() { HasText = "请至少填写一项收回条件" })).ToHaveCountAsync(1);
        await owner.FillField("reclaim-days", "5");
        await owner.FillField("reclaim-warn", "100");
        await owner.ClickTestId("reclaim-save");
        await Expect(dialog).ToContainTextAsync("请输入 0–72 之间的整数");
        await owner.FillField("reclaim-warn", "8");
        await Screenshots.Shoot(owner, "reclaim-rule-dialog");
        await owner.ClickTestId("reclaim-save");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(rules).ToHaveCountAsync(3);
        await Expect(owner.Locator("[data-testid='reclaim-rule'][data-name='上海线索'] [data-testid='reclaim-limits']")).ToHaveTextAsync("5 天未跟进");
        await Screenshots.Shoot(owner, "reclaim-rules");
        await owner.Locator("[data-testid='reclaim-rule'][data-name='上海线索'] [data-testid='reclaim-archive']").ClickAsync();
        await owner.Locator(".mud-dialog .mud-dialog-actions button", new() { HasText = "删除" }).ClickAsync();
        await Expect(rules).ToHaveCountAsync(2);

        output.WriteLine("刘洋 enters a lead of his own and leaves it");
        var sales = await PageAsync(390, 844);
        await sales.LoginAsync(Url, BrowserTest.DemoSalesMobile, BrowserTest.DemoPassword);
        await sales.GotoAsync(Url + "/leads/new");
        await sales.WaitInteractiveAsync();
        var name = "钱" + Guid.NewGuid().ToString("N")[..3];
        await sales.FillField("lead-field-name", name);
        await sales.FillField("lead-field-mobile", "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await sales.ClickTestId("lead-save");
        await sales.WaitForURLAsync(new Regex("/leads/[0-9a-f-]{36}$"));
        var leadUrl = sales.Url;
        await Expect(sales.ByTestId("lead-reclaim-deadline")).ToContainTextAsync("分配后 24 小时未联系");

        output.WriteLine("21 hours later: the bell warns him, live");
        await clocked.MoveClockAsync(TimeSpan.FromHours(21));
        var warning = sales.Locator(".mud-popover-open [data-testid='notification-item']", new() { HasText = name }).First;
        await OpenBellUntilAsync(sales, warning);
        await Expect(warning).ToContainTextAsync(new Regex($"线索 {name} 将于 .+ 收回公海：分配后 24 小时未联系"));
        await Screenshots.Shoot(sales, "reclaim-warning");
        await sales.Keyboard.PressAsync("Escape");

        output.WriteLine("25 hours later: the lead is in the public pool and the bell says why");
        await clocked.MoveClockAsync(TimeSpan.FromHours(25));
        // The open lead page follows the lead live.
        await Expect(sales.ByTestId("lead-status")).ToContainTextAsync("公海", new() { Timeout = SweepWait });
        await Expect(sales.ByTestId("lead-reclaim-deadline")).ToHaveCountAsync(0);
        var notice = sales.Locator(".mud-popover-open [data-testid='notification-item']", new() { HasText = "已收回公海" }).Filter(new() { HasText = name });
        await OpenBellUntilAsync(sales, notice);
        await Expect(notice).ToContainTextAsync($"线索 {name} 已收回公海：分配后 24 小时未联系");
        // The open menu at each width (a resize, or the burst of live reloads the reclaim pass causes, may close it).
        foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
        {
            await sales.SetViewportSizeAsync(width, height);
            await OpenBellUntilAsync(sales, notice);
            Directory.CreateDirectory(Screenshots.Folder);
            await sales.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, $"reclaim-notice-{width}.png") });
        }
        await sales.Keyboard.PressAsync("Escape");
        await sales.SetViewportSizeAsync(390, 844);

        await sales.GotoAsync(Url + "/leads/pool");
        await sales.WaitInteractiveAsync();
        await Expect(sales.ByTestId("lead-row").Filter(new() { HasText = name })).ToHaveCountAsync(1);

        await sales.GotoAsync(leadUrl);
        await sales.WaitInteractiveAsync();
        await Expect(sales.ByTestId("lead-status")).ToContainTextAsync("公海", new() { Timeout = SweepWait });
        await Expect(sales.Locator("[data-testid='timeline-entry'][data-kind='reclaimed']"))
            .ToContainTextAsync("分配后 24 小时未联系，规则“其他线索”收回公海");
        await sales.Locator("[data-testid='timeline-entry'][data-kind='reclaimed']").ScrollIntoViewIfNeededAsync();
        await Screenshots.Shoot(sales, "reclaim-timeline");
    }
}
