namespace LoanSaaS.Domain.Notifications;

/// <summary>An in-app message to one member. The UI words it from <see cref="Kind"/>; no personal data is stored here.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public Guid? LeadId { get; set; }
    /// <summary>Lead name or import file name shown with the message.</summary>
    public string? Subject { get; set; }
    /// <summary>When what the message announces happens, e.g. the reclaim deadline of a warning.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>A short invariant code the UI words, e.g. a reclaim limit "NotContacted:24".</summary>
    public string? Detail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
