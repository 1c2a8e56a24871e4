namespace LoanSaaS.Domain.Notifications;

public enum NotificationKind
{
    FollowUpDue,
    LeadAssigned,
    ImportFinished,
    /// <summary>A colleague mentioned the member in a comment on a lead.</summary>
    Mentioned,
}
