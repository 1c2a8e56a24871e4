namespace LoanSaaS.Domain.Approvals;

public enum ApprovalDecisionKind
{
    Approve,
    Reject,

    /// <summary>退回补件: pauses the flow at its node until the owner resubmits.</summary>
    Return,
}

/// <summary>Something that happens to an application's approval; <see cref="ApprovalEngine.Apply"/> turns it into a new state and effects.</summary>
public abstract record ApprovalEvent;

/// <summary>The first submission: the flow starts at its Start node.</summary>
public sealed record ApprovalSubmitted(Guid FlowVersionId, int FlowVersion) : ApprovalEvent;

/// <param name="OnBehalfOfId">Set when a delegate decides: the approver whose task it is.</param>
public sealed record ApprovalDecided(Guid TaskId, string ActorId, ApprovalDecisionKind Decision, string? Comment, string? OnBehalfOfId = null) : ApprovalEvent;

/// <summary>The owner sent a returned application back: the same node's tasks open again, one round later.</summary>
public sealed record ApprovalResubmitted : ApprovalEvent;

/// <summary>The node's SLA passed; only acts for the node and round it was scheduled for.</summary>
public sealed record ApprovalSlaPassed(string NodeId, int Round) : ApprovalEvent;

/// <summary>An admin hands an open task to another member (e.g. its approver left the agency).</summary>
public sealed record ApprovalTaskReassigned(Guid TaskId, string ToUserId, string ActorId) : ApprovalEvent;

/// <summary>The owner withdrew the application.</summary>
public sealed record ApprovalWithdrawn(string ActorId) : ApprovalEvent;
