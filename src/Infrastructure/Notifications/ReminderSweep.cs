using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Infrastructure.Scheduling;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.Notifications;

/// <summary>
/// <see cref="SendReminders"/> as a sweep: every "FollowUps:Reminders:Interval" (45 s) on one node of the cluster.
/// Each reminder is still claimed by a conditional update, so a run repeated after a node died sends nothing twice.
/// </summary>
public sealed class ReminderSweep(SendReminders reminders, IOptions<FollowUpReminderOptions> options) : ISweep
{
    public const string SweepName = "reminders";

    public string Name => SweepName;

    public TimeSpan Interval => options.Value.Interval;

    public Task HandleAsync(DateTimeOffset now, CancellationToken ct) => reminders.HandleAsync(now, ct);
}
