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
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
