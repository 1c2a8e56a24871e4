using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>
/// Test runs on the shared PostgreSQL server. A live run holds a session advisory lock on its id; databases of runs
/// whose lock nobody holds (a run killed before its cleanup) are dropped by the next run, so the server does not fill up.
/// </summary>
public static partial class PostgresRuns
{
    private const int LockClass = 7310470;

    /// <summary>Marks <paramref name="runId"/> as alive until the returned connection is disposed.</summary>
    public static async Task<NpgsqlConnection> ClaimAsync(string runId)
    {
        var conn = new NpgsqlConnection(TestServers.PostgresAdmin());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_lock(@c, @k)", conn);
        cmd.Parameters.AddWithValue("c", LockClass);
        cmd.Parameters.AddWithValue("k", Key(runId));
        await cmd.ExecuteNonQueryAsync();
        return conn;
    }

    /// <summary>Drops the databases of runs that are no longer alive; returns how many.</summary>
    public static async Task<int> SweepAbandonedAsync()
    {
        await using var conn = new NpgsqlConnection(TestServers.PostgresAdmin());
        await conn.OpenAsync();
        var byRun = new Dictionary<string, List<string>>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database", conn))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                if (RunDatabase().Match(name) is { Success: true } m)
                    (byRun.TryGetValue(m.Groups["run"].Value, out var names) ? names : byRun[m.Groups["run"].Value] = []).Add(name);
            }
        }
        var dropped = 0;
        foreach (var (run, names) in byRun)
        {
            await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@c, @k)", conn);
            tryLock.Parameters.AddWithValue("c", LockClass);
            tryLock.Parameters.AddWithValue("k", Key(run));
            if (await tryLock.ExecuteScalarAsync() is not true) continue;
            try
            {
                foreach (var name in names)
                {
                    try
                    {
                        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\"", conn);
                        await drop.ExecuteNonQueryAsync();
                        dropped++;
                    }
                    catch (PostgresException e)
                    {
                        Console.WriteLine($"[PostgresRuns] could not drop {name}: {e.MessageText}");
                    }
                }
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@c, @k)", conn);
                unlock.Parameters.AddWithValue("c", LockClass);
                unlock.Parameters.AddWithValue("k", Key(run));
                await unlock.ExecuteNonQueryAsync();
            }
        }
        return dropped;
    }

    private static int Key(string runId) => unchecked((int)uint.Parse(runId, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    // Names this harness creates: lit_{run}_{slug} for agencies, loansaas_it_{run}_catalog for catalogs.
    [GeneratedRegex("^(?:lit_(?<run>[0-9a-f]{8})_.+|loansaas_it_(?<run>[0-9a-f]{8})_catalog)$")]
    private static partial Regex RunDatabase();
}
