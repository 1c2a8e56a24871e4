namespace LoanSaaS.Domain.FollowUps;

/// <summary>One contact with a lead: what was said, how it went and when to call again.</summary>
public sealed class FollowUp
{
    public const int MaxContentLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LeadId { get; set; }
    public FollowUpChannel Channel { get; set; }
    public required string Content { get; set; }
    public FollowUpOutcome Outcome { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? NextAt { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>Set once the owner has been told <see cref="NextAt"/> is due, so the reminder is sent once across nodes.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>The next follow-up was done (a later follow-up was logged) or cancelled; no reminder is due.</summary>
    public bool IsClosed { get; set; }
}
