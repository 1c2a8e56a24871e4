namespace LoanSaaS.Domain.Approvals;

/// <summary>One approver's task (待审批) at a node and round of an application's approval, and how it closed.</summary>
public sealed class ApprovalTask
{
    public const int MaxCommentLength = 500;

    public Guid Id { get; set; }
    public Guid ApprovalId { get; set; }
    public Guid ApplicationId { get; set; }
    public required string NodeId { get; set; }
    public required string NodeName { get; set; }
    public int Round { get; set; }
    public required string ApproverId { get; set; }
    public ApprovalTaskStatus Status { get; set; }
    public bool IsEscalation { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Who decided: the approver, or their delegate (then <see cref="OnBehalfOfId"/> is the approver).</summary>
    public string? DecidedById { get; set; }
    public string? OnBehalfOfId { get; set; }
    public string? Comment { get; set; }
}
