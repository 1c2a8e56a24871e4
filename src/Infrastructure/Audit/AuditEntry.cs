namespace LoanSaaS.Infrastructure.Audit;

/// <summary>One audited action. Entries are hash-chained (each hash covers the previous one) so tampering shows.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>JSON of old/new values; personal data in it is masked.</summary>
    public string? Details { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
