using Microsoft.Playwright;
using Npgsql;

namespace LoanSaaS.E2E.Tests.Infrastructure;

/// <summary>
/// Two LoanSaaS processes on two loopback ports sharing one PostgreSQL server (a fresh catalog and agency databases under
/// a unique prefix, dropped afterwards) and one Redis, as the two nodes behind nginx in deploy/. Node A seeds the demo
/// agency; node B starts on the same databases and data folder (the development master key lives there).
/// Needs LOANSAAS_TEST_POSTGRES and LOANSAAS_TEST_REDIS (set by scripts/test.sh); without them the tests fail, never skip.
/// </summary>
public sealed class AppCluster : IAsyncLifetime
{
    private readonly string _prefix = "e2e" + Guid.NewGuid().ToString("N")[..8] + "_";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "loansaas-e2e-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private string _server = "";

    public AppProcess NodeA { get; private set; } = default!;
    public AppProcess NodeB { get; private set; } = default!;
    public IBrowser Browser => NodeA.Browser;

    public async Task InitializeAsync()
    {
        _server = Required("LOANSAAS_TEST_POSTGRES");
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Catalog"] = $"{_server};Database={_prefix}catalog",
            ["ConnectionStrings__TenantServer"] = _server,
            ["Database__DatabaseNamePrefix"] = _prefix + "t_",
            ["Redis__Configuration"] = Required("LOANSAAS_TEST_REDIS"),
        };
        NodeA = new AppProcess(new AppProcessOptions(settings, _data));
        await NodeA.StartAsync();
        NodeB = new AppProcess(new AppProcessOptions(settings, _data, LaunchBrowser: false));
        await NodeB.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (NodeB is not null) await NodeB.DisposeAsync();
        if (NodeA is not null) await NodeA.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p", conn))
        {
            list.Parameters.AddWithValue("p", _prefix + "%");
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { }
    }

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value
        : throw new InvalidOperationException($"{variable} is not set: run ./scripts/test.sh (it starts PostgreSQL and Redis), or set it to a running server.");
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<AppCluster>
{
    public const string Name = "browser-cluster";
}
