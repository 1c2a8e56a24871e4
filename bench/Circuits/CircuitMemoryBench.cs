using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace LoanSaaS.Bench.Circuits;

/// <summary>
/// Starts the built LoanSaaS.Web as its own process (embedded SQLite, demo agency, Production-like logging), signs in
/// the demo owner in Debian's Chromium and opens the board in more and more tabs — one interactive circuit each, all
/// showing the demo board (10 columns, up to 12 cards each as it opens). The server's resident memory (VmRSS) is read once the
/// tabs are live and the process has settled; the cost of one circuit is the slope between two tab counts, so the
/// app's own baseline (runtime, caches, the first circuit's one-off work) drops out.
/// </summary>
public sealed class CircuitMemoryBench(int[] counts, string path)
{
    private const string Password = "Demo@2026";
    private const string OwnerMobile = "13912340001";

    public async Task RunAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "loansaas-circuits-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        using var app = Start(port, data);
        try
        {
            await WaitReadyAsync(port, app);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("LOANSAAS_CHROMIUM") ?? "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
            var url = $"http://demo.localhost:{port}";
            var login = await context.NewPageAsync();
            await login.GotoAsync(url + "/login");
            await login.Locator("[data-testid='login-name'] input, input[data-testid='login-name']").First.FillAsync(OwnerMobile);
            await login.Locator("[data-testid='login-password'] input, input[data-testid='login-password']").First.FillAsync(Password);
            await login.Locator("[data-testid='login-submit']").ClickAsync();
            await login.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));

            // Warm up: one board, opened and closed, so the first circuit's one-off work is in the baseline.
            await OpenBoardAsync(context, url);
            await (await OpenBoardAsync(context, url)).CloseAsync();
            var pages = new List<IPage>();
            var samples = new List<(int Circuits, long Rss)>();
            foreach (var count in counts.Order())
            {
                while (pages.Count < count) pages.Add(await OpenBoardAsync(context, url));
                var rss = await SettledRssAsync(app);
                var heap = await LiveHeapAsync(app.Id);
                samples.Add((count + 1, heap ?? rss));
                Console.WriteLine($"--- {count + 1} open {path} pages (circuits): server VmRSS {rss / 1024.0:F1} MiB" +
                    (heap is { } live ? $", live managed heap after a full GC {live / 1024.0:F1} MiB" : ""));
            }
            for (var i = 1; i < samples.Count; i++)
            {
                var perCircuit = (samples[i].Rss - samples[i - 1].Rss) / (double)(samples[i].Circuits - samples[i - 1].Circuits);
                Console.WriteLine($"--- per {path} circuit, {samples[i - 1].Circuits} → {samples[i].Circuits}: {perCircuit:F0} KiB ({(Gcdump is null ? "VmRSS" : "live managed heap")})");
            }
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            try { Directory.Delete(data, recursive: true); }
            catch (IOException) { }
        }
    }

    private async Task<IPage> OpenBoardAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url + path);
        await page.Locator("#interactive-marker[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        if (path.StartsWith("/boards", StringComparison.Ordinal)) await page.Locator("[data-testid='board-card']").First.WaitForAsync(new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>VmRSS in KiB once it stops moving (three readings a second apart within 1 %), after the GC has had a chance.</summary>
    private static async Task<long> SettledRssAsync(Process app)
    {
        long previous = 0;
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(1000);
            var rss = Rss(app.Id);
            if (previous > 0 && Math.Abs(rss - previous) < previous / 100) return rss;
            previous = rss;
        }
        return previous;
    }

    /// <summary>dotnet-gcdump (LOANSAAS_GCDUMP = its path): it forces a full GC and reports the live managed heap.</summary>
    private static string? Gcdump => Environment.GetEnvironmentVariable("LOANSAAS_GCDUMP") is { Length: > 0 } tool && File.Exists(tool) ? tool : null;

    /// <summary>The live managed heap in KiB (null without dotnet-gcdump), and the biggest types into the console.</summary>
    private static async Task<long?> LiveHeapAsync(int pid)
    {
        if (Gcdump is not { } tool) return null;
        var file = Path.Combine(Path.GetTempPath(), $"circuits-{pid}-{Guid.NewGuid():N}.gcdump");
        await RunAsync(tool, $"collect -p {pid} -o {file}");
        var report = await RunAsync(tool, $"report {file}");
        File.Delete(file);
        var saved = Path.Combine(Path.GetTempPath(), $"circuits-{pid}-{DateTime.UtcNow:HHmmss}.txt");
        await File.WriteAllTextAsync(saved, report);
        Console.WriteLine($"    (whole report: {saved})");
        var lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Take(14)) Console.WriteLine("    " + line.TrimEnd());
        // The first data line is the total: "<bytes>  GC Heap bytes" (format of dotnet-gcdump report).
        var total = lines.Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(p => p.Length >= 3 && p[^2] == "Heap" && p[^1] == "bytes");
        return total is not null && long.TryParse(total[0].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture, out var bytes) ? bytes / 1024 : null;
    }

    private static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            System.Globalization.CultureInfo.InvariantCulture);

    private static Process Start(int port, string data)
    {
        var web = typeof(LoanSaaS.Web.Hosting.CircuitConnection).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [web, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(web)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Redis__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__DataDirectory"] = data;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Tenancy__BaseDomain"] = "localhost";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start LoanSaaS.Web");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(int port, Process app)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(120);)
        {
            if (app.HasExited) throw new InvalidOperationException($"LoanSaaS.Web exited with {app.ExitCode}");
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("LoanSaaS.Web was not ready within 120 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
