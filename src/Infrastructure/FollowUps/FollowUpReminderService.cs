using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.FollowUps;

public sealed class FollowUpReminderOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(45);
}

/// <summary>Runs <see cref="Notifications.SendReminders"/> (follow-ups due, visits soon) on a timer on every node; the scans make each reminder go out once.</summary>
public sealed class FollowUpReminderService(IServiceScopeFactory scopes, TimeProvider time, IOptions<FollowUpReminderOptions> options, ILogger<FollowUpReminderService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Notifications.SendReminders>().HandleAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reminder scan failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
