using System.Reflection;
using Microsoft.Playwright;

namespace LoanSaaS.E2E.Tests.Infrastructure;

/// <summary>Full-page screenshots at desktop and phone width into &lt;repo&gt;/artifacts/screenshots.</summary>
public static class Screenshots
{
    public static readonly string Folder = Path.Combine(RepoRoot(), "artifacts", "screenshots");

    private static readonly (int Width, int Height)[] Sizes = [(1280, 800), (390, 844)];

    public static async Task Shoot(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var original = page.ViewportSize;
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            // Fixed app bars are drawn where the page is scrolled to: shoot from the top.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await page.WaitForTimeoutAsync(300);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{width}.png"), FullPage = true });
        }
        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
            await page.WaitForTimeoutAsync(150);
        }
    }

    /// <summary>The folder holding LoanSaaS.sln: above the test output, else above the test project's source folder.</summary>
    private static string RepoRoot()
    {
        var source = typeof(Screenshots).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, source })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "LoanSaaS.sln")))
                    return dir.FullName;
        }
        throw new InvalidOperationException("LoanSaaS.sln not found above the test output or the test project.");
    }
}
