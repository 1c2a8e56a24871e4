using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LoanSaaS.E2E.Tests.Infrastructure;

/// <summary>
/// Base of every browser journey: fresh browser contexts per test (zh-CN, desktop size unless asked), closed afterwards.
/// Derived classes join <see cref="BrowserCollection"/> (one at a time: on two cores, journeys running side by side against
/// the embedded SQLite app starved each other for tens of seconds).
/// Wrap the body in <see cref="Journey"/> so a failure prints what the server logged meanwhile and a picture of every open page.
/// </summary>
public abstract class BrowserTest(AppServer app, ITestOutputHelper output) : IAsyncLifetime
{
    public const string DemoSlug = "demo";
    public const string DemoPassword = "Demo@2026";
    public const string DemoOwnerMobile = "13912340001";
    public const string DemoOwnerName = "张伟";
    public const string DemoAdminMobile = "13912340002";
    public const string DemoManagerMobile = "13912340003";
    public const string DemoSalesMobile = "13912340004";

    private readonly List<IBrowserContext> _contexts = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _outputMark;

    protected AppServer App => app;
    protected ITestOutputHelper Output => output;

    public Task InitializeAsync()
    {
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        _outputMark = app.OutputMark;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.CloseAsync();
    }

    protected async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        _contexts.Add(context);
        return context;
    }

    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 800) =>
        await (await NewContextAsync(width, height)).NewPageAsync();

    /// <summary>Marks a step of the journey in the test output, with the time since the test began.</summary>
    protected void Step(string what) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {what}");

    protected async Task Journey(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception)
        {
            await ReportFailureAsync();
            throw;
        }
    }

    private async Task ReportFailureAsync()
    {
        var name = GetType().Name;
        var folder = Path.Combine(Screenshots.Folder, "failures");
        Directory.CreateDirectory(folder);
        var n = 0;
        foreach (var page in _contexts.SelectMany(c => c.Pages))
        {
            try
            {
                var file = Path.Combine(folder, $"{name}-{++n}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true, Timeout = 5_000 });
                output.WriteLine($"page {n}: {page.Url} -> {file}");
            }
            catch (PlaywrightException e)
            {
                output.WriteLine($"page {n}: {page.Url} (no screenshot: {e.Message})");
            }
        }
        output.WriteLine("---- server output during this test ----");
        output.WriteLine(app.OutputSince(_outputMark));
    }
}
