using System.Globalization;
using Microsoft.Playwright;

namespace LoanSaaS.E2E.Tests.Infrastructure;

/// <summary>
/// An app process of its own whose clock the test moves (Testing:ClockOffsetFile), with the reclaim sweep every two
/// seconds. Its own process, so moving time never disturbs the journeys sharing <see cref="AppServer"/>.
/// </summary>
public sealed class ClockedApp : IAsyncLifetime
{
    private readonly string _clockFile = Path.Combine(Path.GetTempPath(), "loansaas-e2e-clock-" + Guid.NewGuid().ToString("N")[..8] + ".txt");

    public AppProcess App { get; private set; } = default!;
    public IBrowser Browser => App.Browser;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_clockFile, "00:00:00");
        App = new AppProcess(new AppProcessOptions(new Dictionary<string, string>
        {
            ["Testing__ClockOffsetFile"] = _clockFile,
            ["Pools__Reclaim__Interval"] = "00:00:02",
        }));
        await App.StartAsync();
    }

    /// <summary>The app's time becomes real time plus <paramref name="offset"/> within a quarter second.</summary>
    public Task MoveClockAsync(TimeSpan offset) => File.WriteAllTextAsync(_clockFile, offset.ToString("c", CultureInfo.InvariantCulture));

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        File.Delete(_clockFile);
    }
}

[CollectionDefinition(Name)]
public sealed class ClockedCollection : ICollectionFixture<ClockedApp>
{
    public const string Name = "browser-clocked";
}
