namespace LoanSaaS.Domain.Approvals;

public enum ApprovalTaskStatus
{
    Open,
    Approved,
    Rejected,
    Returned,

    /// <summary>Closed without a decision of its own: another approver decided (或签), the node was rejected or returned, the flow was withdrawn.</summary>
    Cancelled,

    /// <summary>Handed to another member by an admin; the new member has a task of their own.</summary>
    Reassigned,
}

/// <summary>One approver's task at the current node and round.</summary>
/// <param name="IsEscalation">Added when the SLA escalated: its decision settles the node alone, whatever the mode.</param>
public sealed record ApprovalTaskState(Guid Id, string NodeId, int Round, string ApproverId, ApprovalTaskStatus Status, DateTimeOffset? DueAt, bool IsEscalation = false);
