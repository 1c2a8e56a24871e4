namespace LoanSaaS.Domain.Approvals;

/// <summary>Why the engine refused an event; stable codes the UI localizes as "{Field}.{Code}".</summary>
public sealed record ApprovalError(string Field, string Code)
{
    /// <summary>The task was decided, cancelled or reassigned already (a second click, another tab, another node).</summary>
    public static readonly ApprovalError TaskClosed = new("Task", "Closed");
    public static readonly ApprovalError NotApprover = new("Task", "NotApprover");

    /// <summary>The owner or submitter of an application may never approve it.</summary>
    public static readonly ApprovalError SelfApproval = new("Task", "SelfApproval");
    public static readonly ApprovalError CommentRequired = new("Comment", "Required");
    public static readonly ApprovalError AlreadyStarted = new("Approval", "AlreadyStarted");
    public static readonly ApprovalError NotStarted = new("Approval", "NotStarted");
    public static readonly ApprovalError NotReturned = new("Approval", "NotReturned");
    public static readonly ApprovalError Finished = new("Approval", "Finished");

    /// <summary>Nobody but the applicant could approve a node, not even a manager or the agency's owners.</summary>
    public static readonly ApprovalError NoApprover = new("Approval", "NoApprover");

    /// <summary>The flow went round without reaching an approve or end node (a loop of condition and notify nodes).</summary>
    public static readonly ApprovalError Loop = new("Approval", "Loop");

    /// <summary>The SLA event is for a node or round the flow has left, or was handled already.</summary>
    public static readonly ApprovalError SlaStale = new("Sla", "Stale");
    public static readonly ApprovalError ReassignNotMember = new("Reassign", "NotMember");
    public static readonly ApprovalError ReassignAlreadyApprover = new("Reassign", "AlreadyApprover");
}

/// <summary>The outcome of <see cref="ApprovalEngine.Apply"/>: the new state and its effects, or a refusal (state unchanged, no effects).</summary>
public sealed record ApprovalStep(ApprovalInstance? Instance, IReadOnlyList<ApprovalEffect> Effects, ApprovalError? Error)
{
    public bool Succeeded => Error is null;
}
