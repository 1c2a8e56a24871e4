namespace LoanSaaS.Domain.Approvals;

/// <summary>
/// 审批代理: from <see cref="StartsOn"/> through <see cref="EndsOn"/> (Shanghai days) <see cref="ToUserId"/> sees and may
/// decide <see cref="FromUserId"/>'s approval tasks; each such decision records "由 X 代 Y 审批".
/// </summary>
public sealed class ApprovalDelegation
{
    public const int MaxReasonLength = 200;
    public const int MaxDays = 366;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string FromUserId { get; set; }
    public required string ToUserId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the delegator ends it early; a cleared delegation is kept for the record.</summary>
    public DateTimeOffset? ClearedAt { get; set; }
    public long Version { get; set; }

    public bool IsActiveOn(DateOnly day) => ClearedAt is null && StartsOn <= day && day <= EndsOn;
}
