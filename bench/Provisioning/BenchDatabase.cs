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
        }, () => DropAsync(server, prefix), server, prefix);
    }

    private static async Task DropAsync(string server, string prefix)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{prefix}%'", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
