using LoanSaaS.Tenancy.Databases;
using Npgsql;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>
/// PostgreSQL: a catalog database and one database per agency on the test server, all named with this run's
/// random id (catalog loansaas_it_{id}_catalog, agencies lit_{id}_{slug}) and dropped at the end. Redis carries
/// live events and the SignalR backplane, as in production.
/// </summary>
public class PostgresAppHost : AppHost
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string CatalogDatabase => $"loansaas_it_{RunId}_catalog";

    public override bool UsesRedis => true;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        foreach (var setting in base.Settings()) yield return setting;
        yield return new("ConnectionStrings:Catalog", new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = CatalogDatabase }.ConnectionString);
        yield return new("ConnectionStrings:TenantServer", TestServers.Postgres);
        if (UsesRedis) yield return new("Redis:Configuration", TestServers.Redis);
    }

    private NpgsqlConnection? _runClaim;

    protected override async Task PrepareAsync()
    {
        await TestServers.RequirePostgresAsync();
        if (UsesRedis) await TestServers.RequireRedisAsync();
        _runClaim = await PostgresRuns.ClaimAsync(RunId);
        if (await PostgresRuns.SweepAbandonedAsync() is > 0 and var swept)
            Console.WriteLine($"[{GetType().Name}] dropped {swept} databases left by earlier runs that did not finish");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_runClaim is not null) await _runClaim.DisposeAsync();
    }

    public string TenantDatabase(string slug) => DatabaseNamePrefix + slug.Replace('-', '_');

    /// <summary>Names of this run's databases on the server (agencies and catalog).</summary>
    public async Task<IReadOnlyList<string>> ListDatabasesAsync()
    {
        await using var conn = new NpgsqlConnection(TestServers.PostgresAdmin());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, @prefix) OR datname = @catalog ORDER BY 1", conn);
        cmd.Parameters.AddWithValue("prefix", DatabaseNamePrefix);
        cmd.Parameters.AddWithValue("catalog", CatalogDatabase);
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    public override async Task<bool> AgencyDatabaseExistsAsync(string databaseName)
    {
        await using var conn = new NpgsqlConnection(TestServers.PostgresAdmin());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", conn);
        cmd.Parameters.AddWithValue("name", databaseName);
        return (long)(await cmd.ExecuteScalarAsync())! == 1;
    }

    protected override async Task CleanupAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var names = await ListDatabasesAsync();
        var waited = 0;
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, ct) =>
        {
            await using var conn = new NpgsqlConnection(TestServers.PostgresAdmin());
            await conn.OpenAsync(ct);
            var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            try
            {
                await using var force = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", conn);
                await force.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // FORCE may not terminate an autovacuum worker (not our role); a plain DROP waits for it and stops it.
                Interlocked.Increment(ref waited);
                await using var plain = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted}", conn);
                await plain.ExecuteNonQueryAsync(ct);
            }
        });
        Console.WriteLine($"[{GetType().Name}] dropped {names.Count} databases in {clock.Elapsed.TotalSeconds:F1} s ({waited} waited for autovacuum)");
    }
}
