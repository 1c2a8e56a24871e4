namespace LoanSaaS.Domain.Approvals;

/// <summary>What a history line says happened.</summary>
public enum ApprovalAction
{
    Submitted,
    Approved,
    Rejected,
    Returned,
    Resubmitted,

    /// <summary>The SLA passed and the node's timeout rejected it.</summary>
    AutoRejected,
    Reminded,
    Escalated,
    Reassigned,
    CarbonCopied,
    Withdrawn,
    Finished,
}

/// <param name="ActorId">Null for what the flow did by itself (timeouts, copies, the end).</param>
/// <param name="OnBehalfOfId">The approver a delegate decided for ("由 X 代 Y 审批").</param>
/// <param name="Detail">A short invariant value: the outcome, the escalation role, the member a task went to.</param>
public sealed record ApprovalRecord(
    ApprovalAction Action, string NodeId, string NodeName, int Round, Guid? TaskId, string? ActorId, string? OnBehalfOfId, string? Comment, string? Detail = null);
