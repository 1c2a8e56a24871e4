using System.Globalization;
using Quartz;

namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>
/// How an <see cref="Occurrence"/> maps onto the job store: job and trigger key = group "occ:{kind}", name
/// "{agency id}:{key}", so scheduling the same identity replaces it; the occurrence itself travels as string job data.
/// </summary>
internal static class OccurrenceKeys
{
    public static JobKey Job(string kind, Guid agencyId, string key) => new($"{agencyId:N}:{key}", Group(kind));

    public static string Group(string kind) => "occ:" + kind;

    public static void Validate(Occurrence o)
    {
        if (string.IsNullOrWhiteSpace(o.Kind) || o.Kind.Length > Occurrence.MaxKindLength)
            throw new ArgumentException($"An occurrence kind is 1-{Occurrence.MaxKindLength} characters.", nameof(o));
        if (string.IsNullOrWhiteSpace(o.Key) || o.Key.Length > Occurrence.MaxKeyLength)
            throw new ArgumentException($"An occurrence key is 1-{Occurrence.MaxKeyLength} characters.", nameof(o));
    }

    public static IJobDetail JobDetail(Occurrence o)
    {
        var job = JobBuilder.Create<OccurrenceJob>()
            .WithIdentity(Job(o.Kind, o.AgencyId, o.Key))
            // If the node running it dies, another node runs it again: handlers are idempotent (IOccurrenceHandler).
            .RequestRecovery()
            .UsingJobData(OccurrenceJob.KindKey, o.Kind)
            .UsingJobData(OccurrenceJob.AgencyKey, o.AgencyId.ToString("N"))
            .UsingJobData(OccurrenceJob.KeyKey, o.Key)
            .UsingJobData(OccurrenceJob.DueKey, o.DueAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        if (o.Data is not null) job = job.UsingJobData(OccurrenceJob.DataKey, o.Data);
        return job.Build();
    }

    /// <summary>Fires once at <see cref="Occurrence.DueAt"/>; one found overdue (the cluster was down) fires once, at once.</summary>
    public static ITrigger Trigger(Occurrence o) => Trigger(o, Job(o.Kind, o.AgencyId, o.Key).Name);

    /// <summary>The second trigger an occurrence gets when a node without its handler offered it back.</summary>
    public static ITrigger Retry(Occurrence o) => Trigger(o, RetryKey(o.Kind, o.AgencyId, o.Key).Name);

    public static TriggerKey RetryKey(string kind, Guid agencyId, string key) => new($"{agencyId:N}:{key}:retry", Group(kind));

    private static ITrigger Trigger(Occurrence o, string triggerName)
    {
        var job = Job(o.Kind, o.AgencyId, o.Key);
        return TriggerBuilder.Create()
            .WithIdentity(triggerName, job.Group)
            .ForJob(job)
            .StartAt(o.DueAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
    }

    public static Occurrence Read(JobDataMap data)
    {
        var due = DateTimeOffset.Parse(data.GetString(OccurrenceJob.DueKey)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new Occurrence(
            data.GetString(OccurrenceJob.KindKey)!,
            Guid.ParseExact(data.GetString(OccurrenceJob.AgencyKey)!, "N"),
            data.GetString(OccurrenceJob.KeyKey)!,
            due,
            data.ContainsKey(OccurrenceJob.DataKey) ? data.GetString(OccurrenceJob.DataKey) : null);
    }
}
