using Npgsql;

namespace LoanSaaS.Bench.Provisioning;

/// <summary>Configuration for one provider, in a throw-away place (temp folder, or databases with a unique prefix).</summary>
public sealed record BenchDatabase(string Name, Dictionary<string, string?> Settings, Func<Task> CleanupAsync, string? ServerConnectionString, string? Prefix)
{
    public static BenchDatabase Sqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "loansaas-bench-" + Guid.NewGuid().ToString("N")[..8]);
        return new("SQLite", new() { ["Database:Provider"] = "Sqlite", ["Database:DataDirectory"] = dir },
            () => { Directory.Delete(dir, true); return Task.CompletedTask; }, null, null);
    }

    public static BenchDatabase Postgres(string server)
    {
        var prefix = "lbench_" + Guid.NewGuid().ToString("N")[..6] + "_";
        var catalog = new NpgsqlConnectionStringBuilder(server) { Database = prefix + "catalog" }.ConnectionString;
        return new("PostgreSQL", new()
        {
            ["Database:Provider"] = "Postgres",
            ["Database:DataDirectory"] = Path.GetTempPath(),
            ["Database:DatabaseNamePrefix"] = prefix,
            ["ConnectionStrings:Catalog"] = catalog,
            ["ConnectionStrings:TenantServer"] = server,
        }, () => BenchHost.DropDatabasesAsync(server, prefix), server, prefix);
    }
}
