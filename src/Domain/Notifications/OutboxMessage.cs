using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Notifications;

/// <summary>
/// 通知发件箱: an SMS or email waiting to go out, written in the transaction that decided to send it and delivered by
/// the outbox sweep through the agency's channel. The recipient is sealed like any personal data (shown masked).
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxBodyLength = 500;
    public const int MaxAttempts = 5;

    public long Id { get; set; }
    public OutboxChannel Channel { get; set; }
    public SealedValue Recipient { get; set; } = SealedValue.Empty;
    public required string Body { get; set; }
    public string? Subject { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public Guid? LeadId { get; set; }
    public Guid? RuleId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the next attempt may be made (a node claims a message by moving this forward).</summary>
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

public enum OutboxChannel { Sms, Email }

public enum OutboxStatus { Pending, Sent, Failed }
