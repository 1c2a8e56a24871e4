namespace LoanSaaS.Domain.Approvals;

public enum ApprovalInstanceStatus
{
    Running,

    /// <summary>Paused at its node until the owner resubmits with more documents.</summary>
    Returned,
    Approved,
    Rejected,

    /// <summary>Withdrawn by the owner before a decision.</summary>
    Cancelled,
}

/// <summary>
/// One application's pass through its pinned flow version, as the engine sees it: where it waits, the round of that
/// node (+1 on every resubmission), the open tasks of that round and whether its SLA has been handled.
/// </summary>
public sealed record ApprovalInstance(
    Guid FlowVersionId,
    int FlowVersion,
    string NodeId,
    ApprovalInstanceStatus Status,
    ApprovalMode Mode,
    int Round,
    DateTimeOffset? DueAt,
    IReadOnlyList<ApprovalTaskState> Tasks)
{
    /// <summary>Set once the node's SLA passed in this round, so a timeout acts once.</summary>
    public bool SlaHandled { get; init; }

    public bool IsFinished => Status is ApprovalInstanceStatus.Approved or ApprovalInstanceStatus.Rejected or ApprovalInstanceStatus.Cancelled;

    public IEnumerable<ApprovalTaskState> OpenTasks => Tasks.Where(t => t.Status == ApprovalTaskStatus.Open);
}
