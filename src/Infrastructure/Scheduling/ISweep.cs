namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>
/// Recurring work over the whole platform (reminders, pool reclaim, time-based rules, approval SLAs): one run per
/// <see cref="Interval"/> across all app nodes, never two at once. Register with
/// <see cref="SchedulingServices.AddSweep{T}"/>; resolved in a fresh DI scope for every run.
/// </summary>
public interface ISweep
{
    /// <summary>Stable and unique: it is the job's key in the catalog's job store. Renaming it leaves the old job behind.</summary>
    string Name { get; }

    TimeSpan Interval { get; }

    /// <param name="now">From the app's <see cref="TimeProvider"/>, not the scheduler's clock, so tests can move it.</param>
    Task HandleAsync(DateTimeOffset now, CancellationToken ct);
}
