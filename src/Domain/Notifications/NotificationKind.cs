namespace LoanSaaS.Domain.Notifications;

public enum NotificationKind
{
    FollowUpDue,
    LeadAssigned,
    ImportFinished,
}
