using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>The Quartz job behind one pending <see cref="Occurrence"/>; its data map carries the occurrence as strings.</summary>
public sealed class OccurrenceJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<OccurrenceJob> logger) : IJob
{
    internal const string KindKey = "kind", AgencyKey = "agency", KeyKey = "key", DueKey = "due", DataKey = "data";

    /// <summary>How long an occurrence nobody here can handle waits before it is offered again.</summary>
    private static readonly TimeSpan UnknownKindRetry = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var occurrence = OccurrenceKeys.Read(context.MergedJobDataMap);
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IOccurrenceHandler>().FirstOrDefault(h => h.Kind == occurrence.Kind);
        if (handler is null)
        {
            // A node of an older build during a rolling deploy must not swallow work it does not know.
            logger.LogWarning("No handler for occurrence kind {Kind} on this node; offered again in {Retry}", occurrence.Kind, UnknownKindRetry);
            await context.Scheduler.ScheduleTrigger(OccurrenceKeys.Retry(occurrence with { DueAt = time.GetUtcNow() + UnknownKindRetry }), TriggerConflict.Replace, cancellationToken);
            return;
        }
        scope.ServiceProvider.GetRequiredService<ScheduledRun>().Set(occurrence.Kind, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.Scheduler.SchedulerInstanceId);
        try
        {
            await handler.HandleAsync(occurrence, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Occurrence {Kind} {Key} of agency {AgencyId} failed", occurrence.Kind, occurrence.Key, occurrence.AgencyId);
        }
    }
}
