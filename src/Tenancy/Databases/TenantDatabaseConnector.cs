using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LoanSaaS.Tenancy.Databases;

/// <summary>Points a DbContext at one tenant's database, whichever provider the platform runs on.</summary>
public sealed class TenantDatabaseConnector(IOptions<DatabaseOptions> options, TenantDataSourceRegistry dataSources)
{
    public DatabaseProvider Provider => options.Value.Provider;

    public void Configure(DbContextOptionsBuilder builder, string databaseName)
    {
        var o = options.Value;
        switch (o.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite($"Data Source={o.SqliteTenantPath(databaseName)};Pooling=True");
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(dataSources.ForDatabase(databaseName));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(SqlServerConnectionString(o.TenantServerConnectionString, databaseName));
                break;
        }
    }

    public static string SqlServerConnectionString(string? server, string database) =>
        new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString;

    /// <summary>Name for a new tenant's database: a file for SQLite, a database on the shared server otherwise.</summary>
    public string DatabaseNameFor(string slug) => options.Value.Provider == DatabaseProvider.Sqlite
        ? $"{slug}.db"
        : options.Value.DatabaseNamePrefix + slug.Replace('-', '_');

    /// <summary>Bytes the tenant's database occupies, or null when the provider cannot tell cheaply.</summary>
    public async Task<long?> SizeAsync(string databaseName, CancellationToken ct)
    {
        var o = options.Value;
        switch (o.Provider)
        {
            case DatabaseProvider.Sqlite:
                // Recent writes sit in the write-ahead log until a checkpoint: count it too.
                var path = o.SqliteTenantPath(databaseName);
                return File.Exists(path)
                    ? new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length)
                    : null;
            case DatabaseProvider.Postgres:
                await using (var cmd = dataSources.ForDatabase(databaseName).CreateCommand("SELECT pg_database_size(current_database())"))
                    return (long?)await cmd.ExecuteScalarAsync(ct);
            default:
                return null;
        }
    }

    internal static NpgsqlConnectionStringBuilder ServerBuilder(string? server) => new(server) { Database = "postgres", Pooling = false };
}
