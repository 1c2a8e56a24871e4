using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>
/// The Quartz job behind every <see cref="ISweep"/> (job key = sweep name). Not concurrent: in a cluster the store
/// blocks the trigger while one node runs it, and the fires missed meanwhile collapse into one (see <see cref="SweepTriggers"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class SweepJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<SweepJob> logger) : IJob
{
    public const string Group = "sweeps";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.Key.Name;
        await using var scope = scopes.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetServices<ISweep>().FirstOrDefault(s => s.Name == name);
        if (sweep is null)
        {
            // A node of an older build during a rolling deploy: the next fire may land on a node that knows it.
            logger.LogWarning("Sweep {Sweep} is not registered on this node; this run is skipped", name);
            return;
        }
        scope.ServiceProvider.GetRequiredService<ScheduledRun>().Set(name, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.Scheduler.SchedulerInstanceId);
        try
        {
            await sweep.HandleAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sweep {Sweep} failed", name);
        }
    }
}
