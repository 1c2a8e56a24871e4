using System.Collections.Concurrent;
using LoanSaaS.Infrastructure.Scheduling;

namespace LoanSaaS.Integration.Tests.Scheduling;

/// <summary>What the probe sweep and probe handler saw, shared by every node of a test (one instance in each node's container).</summary>
public sealed class RunLog
{
    private readonly ConcurrentQueue<Run> _sweeps = new();
    private readonly ConcurrentQueue<Run> _occurrences = new();
    private int _running;
    private int _maxRunning;

    public sealed record Run(string Node, DateTimeOffset ScheduledAt, DateTimeOffset Now, string? Key = null);

    public IReadOnlyList<Run> Sweeps => _sweeps.ToArray();

    public IReadOnlyList<Run> Occurrences => _occurrences.ToArray();

    /// <summary>The most probe sweep runs that were ever in progress at once, across all nodes.</summary>
    public int MaxConcurrentSweeps => Volatile.Read(ref _maxRunning);

    public async Task SweepAsync(Run run, CancellationToken ct)
    {
        var running = Interlocked.Increment(ref _running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max) { }
        try
        {
            _sweeps.Enqueue(run);
            // Long enough that a second node running the same fire would overlap this one.
            await Task.Delay(200, ct);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public void Occurred(Run run) => _occurrences.Enqueue(run);
}

public sealed class ProbeSweep(RunLog log, ScheduledRun run) : ISweep
{
    public const string SweepName = "it-probe";

    public string Name => SweepName;

    public TimeSpan Interval => TimeSpan.FromSeconds(1);

    public Task HandleAsync(DateTimeOffset now, CancellationToken ct) => log.SweepAsync(new(run.Node, run.ScheduledAt, now), ct);
}

public sealed class ProbeOccurrenceHandler(RunLog log, ScheduledRun run) : IOccurrenceHandler
{
    public const string KindName = "it-probe";

    public string Kind => KindName;

    public Task HandleAsync(Occurrence occurrence, DateTimeOffset now, CancellationToken ct)
    {
        log.Occurred(new(run.Node, run.ScheduledAt, now, occurrence.Key));
        return Task.CompletedTask;
    }
}
