using Npgsql;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>
/// Samples, every 50 ms on its own unpooled connection (to the "postgres" database, so it does not count itself),
/// how many server connections the app holds on its catalog and agency databases.
/// </summary>
public sealed class ConnectionSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _max;
    private int _samples;

    private ConnectionSampler(string prefix, string catalog, TaskCompletionSource started) =>
        _loop = Task.Run(() => LoopAsync(prefix, catalog, started, _stop.Token));

    public int Max => Volatile.Read(ref _max);

    public int Samples => Volatile.Read(ref _samples);

    /// <summary>Returns the maximum so far and starts a new period.</summary>
    public int TakeMax() => Interlocked.Exchange(ref _max, 0);

    public static async Task<ConnectionSampler> StartAsync(string prefix, string catalog)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sampler = new ConnectionSampler(prefix, catalog, started);
        await started.Task;
        return sampler;
    }

    private async Task LoopAsync(string prefix, string catalog, TaskCompletionSource started, CancellationToken ct)
    {
        try
        {
            await using var conn = new NpgsqlConnection(TestServers.PostgresAdmin());
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE starts_with(datname, @prefix) OR datname = @catalog", conn);
            cmd.Parameters.AddWithValue("prefix", prefix);
            cmd.Parameters.AddWithValue("catalog", catalog);
            await cmd.PrepareAsync(ct);
            started.TrySetResult();
            while (!ct.IsCancellationRequested)
            {
                var count = (int)(long)(await cmd.ExecuteScalarAsync(ct))!;
                int seen;
                while (count > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, count, seen) != seen)
                {
                }
                Interlocked.Increment(ref _samples);
                await Task.Delay(50, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            started.TrySetException(e);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
