using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>Puts a job and trigger in the store for every registered <see cref="ISweep"/>; leaves an unchanged one alone.</summary>
public sealed class SweepInstaller(IServiceScopeFactory scopes, ILogger<SweepInstaller> logger)
{
    public async Task InstallAsync(IScheduler scheduler, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var sweep in scope.ServiceProvider.GetServices<ISweep>())
        {
            var trigger = SweepTriggers.Trigger(sweep.Name, sweep.Interval);
            // Every node starts this; re-creating an unchanged trigger on each start would reset its cadence.
            if (await scheduler.GetTrigger(trigger.Key, ct) is ISimpleTrigger existing
                && existing.RepeatInterval == sweep.Interval && existing.MisfireThreshold == trigger.MisfireThreshold)
                continue;
            await scheduler.ScheduleJob(SweepTriggers.Job(sweep.Name), [trigger], new ScheduleJobOptions { Replace = true }, ct);
            logger.LogInformation("Sweep {Sweep} scheduled every {Interval}", sweep.Name, sweep.Interval);
        }
    }
}
