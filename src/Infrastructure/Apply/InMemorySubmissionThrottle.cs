using System.Collections.Concurrent;

namespace LoanSaaS.Infrastructure.Apply;

/// <summary>The single-node throttle: counters in this process, expired windows dropped as new ones start.</summary>
public sealed class InMemorySubmissionThrottle(TimeProvider time) : ISubmissionThrottle
{
    private const int PruneEvery = 1024;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private int _sincePrune;

    public Task<bool> TryAcquireAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var entry = _windows.AddOrUpdate(key,
            _ => new Window(now + window, 1),
            (_, w) => w.EndsAt <= now ? new Window(now + window, 1) : w with { Count = w.Count + 1 });
        if (Interlocked.Increment(ref _sincePrune) % PruneEvery == 0) Prune(now);
        return Task.FromResult(entry.Count <= limit);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, w) in _windows)
            if (w.EndsAt <= now) _windows.TryRemove(new KeyValuePair<string, Window>(key, w));
    }

    private sealed record Window(DateTimeOffset EndsAt, int Count);
}
