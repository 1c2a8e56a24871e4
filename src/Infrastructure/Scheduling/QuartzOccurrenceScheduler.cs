using Quartz;

namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary><see cref="IOccurrenceScheduler"/> on the clustered Quartz store: one job + one trigger per occurrence identity.</summary>
public sealed class QuartzOccurrenceScheduler(ISchedulerFactory schedulers) : IOccurrenceScheduler
{
    public async Task ScheduleAsync(Occurrence occurrence, CancellationToken ct)
    {
        OccurrenceKeys.Validate(occurrence);
        var scheduler = await schedulers.GetScheduler(ct);
        // Job and trigger share the identity's key, so this replaces a pending one in the same transaction.
        await scheduler.ScheduleJob(OccurrenceKeys.JobDetail(occurrence), [OccurrenceKeys.Trigger(occurrence)], new ScheduleJobOptions { Replace = true }, ct);
        await scheduler.UnscheduleJob(OccurrenceKeys.RetryKey(occurrence.Kind, occurrence.AgencyId, occurrence.Key), ct);
    }

    public async Task<bool> CancelAsync(string kind, Guid agencyId, string key, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return await scheduler.DeleteJob(OccurrenceKeys.Job(kind, agencyId, key), ct);
    }

    public async Task<bool> IsPendingAsync(string kind, Guid agencyId, string key, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return await scheduler.Exists(OccurrenceKeys.Job(kind, agencyId, key), ct);
    }
}
