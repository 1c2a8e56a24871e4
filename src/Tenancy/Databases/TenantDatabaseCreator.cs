using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LoanSaaS.Tenancy.Databases;

/// <summary>Creates an agency's own database. Idempotent: an existing database is left as it is.</summary>
public sealed class TenantDatabaseCreator(IOptions<DatabaseOptions> options)
{
    public async Task CreateAsync(string databaseName, CancellationToken ct)
    {
        var o = options.Value;
        switch (o.Provider)
        {
            case DatabaseProvider.Sqlite:
                var path = o.SqliteTenantPath(databaseName);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                if (Directory.Exists(path))
                    throw new IOException($"Cannot create the database file {path}: a folder is in the way.");
                break;
            case DatabaseProvider.Postgres:
                await CreatePostgresAsync(o.TenantServerConnectionString, databaseName, ct);
                break;
            case DatabaseProvider.SqlServer:
                await CreateSqlServerAsync(o.TenantServerConnectionString, databaseName, ct);
                break;
        }
    }

    private static async Task CreatePostgresAsync(string? server, string databaseName, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(TenantDatabaseConnector.ServerBuilder(server).ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", databaseName);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            // Identifiers cannot be parameters; the name is built from a validated slug only.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\" ENCODING 'UTF8'", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    private static async Task CreateSqlServerAsync(string? server, string databaseName, CancellationToken ct)
    {
        await using var conn = new SqlConnection(TenantDatabaseConnector.SqlServerConnectionString(server, "master"));
        await conn.OpenAsync(ct);
        await using var cmd = new SqlCommand($"IF DB_ID(@n) IS NULL CREATE DATABASE [{databaseName}]", conn);
        cmd.Parameters.AddWithValue("@n", databaseName);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
