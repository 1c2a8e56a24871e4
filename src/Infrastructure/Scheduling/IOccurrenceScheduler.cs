namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>Schedules and cancels one-off <see cref="Occurrence"/>s in the persistent job store (they survive restarts).</summary>
public interface IOccurrenceScheduler
{
    /// <summary>Schedules the occurrence, or moves the pending one with the same identity to the new time and data.</summary>
    Task ScheduleAsync(Occurrence occurrence, CancellationToken ct);

    /// <returns>Whether a pending occurrence was removed.</returns>
    Task<bool> CancelAsync(string kind, Guid agencyId, string key, CancellationToken ct);

    Task<bool> IsPendingAsync(string kind, Guid agencyId, string key, CancellationToken ct);
}
