using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>
/// Starts this node's Quartz scheduler once the app has started (the catalog is migrated by then), which creates any
/// missing qrtz_* table and joins the cluster, then installs the sweeps. A node with Scheduler:Enabled=false never
/// starts it: it can still write occurrences to the store, and the nodes that do run fire them.
/// </summary>
public sealed class SchedulerHost(ISchedulerFactory schedulers, SweepInstaller sweeps, IHostApplicationLifetime lifetime, IOptions<SchedulerOptions> options, ILogger<SchedulerHost> logger)
    : BackgroundService
{
    private IScheduler? _started;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task;

        var scheduler = await schedulers.GetScheduler(stoppingToken);
        await scheduler.Start(stoppingToken);
        _started = scheduler;
        await sweeps.InstallAsync(scheduler, stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_started is not { Status: not (SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown) } scheduler) return;
        try
        {
            // Running jobs see their token cancelled and unwind; a sweep's unfinished agencies wait for its next run.
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
        catch (ObjectDisposedException e)
        {
            // Seen in tests when a host is torn down: the store's last misfire pass signals a scheduler whose container is gone.
            logger.LogDebug(e, "The scheduler's container was disposed while it shut down");
        }
    }
}
