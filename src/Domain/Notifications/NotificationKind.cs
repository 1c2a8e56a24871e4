namespace LoanSaaS.Domain.Notifications;

public enum NotificationKind
{
    FollowUpDue,
    LeadAssigned,
    ImportFinished,
    /// <summary>A colleague mentioned the member in a comment on a lead.</summary>
    Mentioned,
    /// <summary>The member was put on a visit with a lead (or it was moved).</summary>
    AppointmentBooked,
    /// <summary>A visit the member owns or attends starts soon.</summary>
    AppointmentSoon,
    /// <summary>Reception checked in the customer of the member's visit.</summary>
    VisitorArrived,
    /// <summary>A visit the member attends was cancelled.</summary>
    AppointmentCancelled,
    /// <summary>Assignment rules handed the member several new leads at once (an import); the subject is how many.</summary>
    LeadsAssigned,
    /// <summary>The member's lead goes back to the public pool at <see cref="Notification.DueAt"/> unless worked on (<see cref="Notification.Detail"/>: the limit).</summary>
    LeadReclaimWarning,
    /// <summary>A reclaim rule took the lead back to the public pool: told to its owner and their manager.</summary>
    LeadReclaimed,
    /// <summary>An automation rule's notice about a lead; the subject is "rule name｜message" (or the lead's name).</summary>
    AutomationNotice,
    /// <summary>An automation rule gave the member a to-do on their lead; the subject is "rule name｜note".</summary>
    AutomationTask,
    /// <summary>An approval task waits for the member (<see cref="Notification.Detail"/>: the application id; subject: its number).</summary>
    ApprovalTask,
    /// <summary>An approver returned the member's application for more documents.</summary>
    ApprovalReturned,
    /// <summary>The member's application was approved.</summary>
    ApprovalApproved,
    /// <summary>The member's application was rejected.</summary>
    ApprovalRejected,
    /// <summary>抄送: an approval flow copied the member on an application.</summary>
    ApprovalCopied,
    /// <summary>The member's approval task is past its SLA.</summary>
    ApprovalReminder,
}
