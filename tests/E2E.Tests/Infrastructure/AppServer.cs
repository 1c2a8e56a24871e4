using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace LoanSaaS.E2E.Tests.Infrastructure;

/// <summary>
/// The collection fixture of the browser tests. Every collection gets a handle on the same <see cref="AppProcess"/>:
/// one app process and one browser for the whole test run, so collections can run in parallel against it.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    public const string AdminEmail = "e2e-admin@loansaas.local";
    public const string AdminPassword = "E2eAdmin@2026";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AppProcess? _shared;
    private static Exception? _startFailure;
    private static int _users;
    private AppProcess? _app;

    private AppProcess App => _app ?? throw new InvalidOperationException("The app server is not started.");

    public int Port => App.Port;
    public IBrowser Browser => App.Browser;
    public string ApexUrl => App.ApexUrl;
    public string AgencyUrl(string slug) => App.AgencyUrl(slug);
    public int OutputMark => App.OutputMark;

    /// <summary>The app's data folder (its SQLite catalog and agency databases), for tests that seed rows no page creates yet.</summary>
    public string DataDirectory => App.DataDirectory;
    public string OutputSince(int mark) => App.OutputSince(mark);

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            // A start that failed once fails every collection the same way, without another 90 s wait.
            if (_startFailure is not null) throw new InvalidOperationException("The app server failed to start.", _startFailure);
            if (_shared is null)
            {
                var app = new AppProcess();
                try
                {
                    await app.StartAsync();
                }
                catch (Exception e)
                {
                    _startFailure = e;
                    await app.DisposeAsync();
                    throw;
                }
                _shared = app;
            }
            _users++;
            _app = _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is null) return;
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0 && _shared is not null)
            {
                await _shared.DisposeAsync();
                _shared = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>
/// One real LoanSaaS process (the built LoanSaaS.Web.dll as a child process on a free loopback port, embedded SQLite in a
/// fresh folder, demo agency on) and one headless Debian Chromium.
/// </summary>
public sealed class AppProcess(AppProcessOptions? options = null) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly AppProcessOptions _options = options ?? new AppProcessOptions();
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private string? _dataDirectory;

    public int Port { get; private set; }
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The product site and platform admin.</summary>
    public string ApexUrl => $"http://localhost:{Port}";

    /// <summary>An agency's workspace, e.g. http://demo.localhost:5123.</summary>
    public string AgencyUrl(string slug) => $"http://{slug}.localhost:{Port}";

    /// <summary>Number of output lines so far; pass to <see cref="OutputSince"/> to see what one test caused.</summary>
    public int OutputMark => _output.Count;

    public string DataDirectory => _dataDirectory ?? throw new InvalidOperationException("The app has not started.");

    public string OutputSince(int mark) => string.Join(Environment.NewLine, _output.Skip(mark));

    public async Task StartAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("LOANSAAS_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install Debian's chromium (apt-get install -y chromium) or set LOANSAAS_CHROMIUM. " +
                "The browser tests never download a browser (`playwright install` cannot reach its CDN here).");

        await StartAppAsync();
        if (!_options.LaunchBrowser) return;

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private async Task StartAppAsync()
    {
        var webDll = typeof(Program).Assembly.Location;
        var appFolder = Path.GetDirectoryName(webDll)!;
        _dataDirectory = _options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "loansaas-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dataDirectory);
        Port = FreePort();

        var start = new ProcessStartInfo(DotnetHost(), [webDll, "--urls", $"http://127.0.0.1:{Port}"])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The runner may carry settings meant for other test projects (PostgreSQL, Redis): the app under test gets only ours.
        foreach (var key in start.Environment.Keys.ToList())
            if (key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Redis__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Tenancy__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Platform__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Demo__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(key);
        // Development: static web assets resolve through the manifest next to the dll (MudBlazor CSS, app.css).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__DataDirectory"] = _dataDirectory;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Tenancy__BaseDomain"] = "localhost";
        start.Environment["Platform__AdminEmail"] = AppServer.AdminEmail;
        start.Environment["Platform__AdminPassword"] = AppServer.AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (key, value) in _options.Settings) start.Environment[key] = value;

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue("[stderr] " + e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = $"http://127.0.0.1:{Port}/health/ready";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"LoanSaaS.Web exited with code {_process.ExitCode} before it was ready.{Environment.NewLine}{OutputSince(0)}");
            try
            {
                using var response = await http.GetAsync(ready);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"LoanSaaS.Web did not answer 200 on {ready} within {StartTimeout.TotalSeconds:0} s.{Environment.NewLine}{OutputSince(0)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        if (_dataDirectory is not null && _options.DataDirectory is null)
        {
            try { Directory.Delete(_dataDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <param name="Settings">Configuration on top of the defaults (embedded SQLite, demo agency), e.g. PostgreSQL and Redis.</param>
/// <param name="DataDirectory">A data folder the caller owns (nodes of one cluster share it: the development master key lives there).</param>
public sealed record AppProcessOptions(IReadOnlyDictionary<string, string> Settings, string? DataDirectory = null, bool LaunchBrowser = true)
{
    public AppProcessOptions() : this(new Dictionary<string, string>()) { }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppServer>
{
    public const string Name = "browser";
}

