using Npgsql;
using StackExchange.Redis;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>The PostgreSQL and Redis servers started by ./scripts/test.sh. Unreachable servers fail the tests with a clear message; nothing is skipped.</summary>
public static class TestServers
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Username=loansaas;Password=loansaas";
    public const string DefaultRedis = "127.0.0.1:56379";

    public static string Postgres => Environment.GetEnvironmentVariable("LOANSAAS_TEST_POSTGRES") is { Length: > 0 } v ? v : DefaultPostgres;

    public static string Redis => Environment.GetEnvironmentVariable("LOANSAAS_TEST_REDIS") is { Length: > 0 } v ? v : DefaultRedis;

    /// <summary>A connection string to the server's "postgres" database without pooling, for admin statements.</summary>
    public static string PostgresAdmin(string? database = "postgres") =>
        new NpgsqlConnectionStringBuilder(Postgres) { Database = database, Pooling = false }.ConnectionString;

    public static async Task RequirePostgresAsync()
    {
        try
        {
            await using var conn = new NpgsqlConnection(PostgresAdmin());
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user", conn);
            if (await cmd.ExecuteScalarAsync() is not true)
                throw new InvalidOperationException("the role has no CREATEDB right");
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"PostgreSQL for the integration tests is not usable at \"{Redact(Postgres)}\" ({e.Message}). "
                + "Start it with ./scripts/test.sh (PostgreSQL on 127.0.0.1:55432, role loansaas with CREATEDB), or set LOANSAAS_TEST_POSTGRES.", e);
        }
    }

    public static async Task RequireRedisAsync()
    {
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis + ",connectTimeout=3000");
            await redis.GetDatabase().PingAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"Redis for the integration tests is not reachable at {Redis} ({e.Message}). "
                + "Start it with ./scripts/test.sh (Redis on 127.0.0.1:56379), or set LOANSAAS_TEST_REDIS.", e);
        }
    }

    private static string Redact(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
}
