namespace LoanSaaS.Infrastructure.FollowUps;

/// <summary>"FollowUps:Reminders": how often the reminder sweep runs (follow-ups due, visits soon), or not at all.</summary>
public sealed class FollowUpReminderOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(45);
}
