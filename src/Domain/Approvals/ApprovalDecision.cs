namespace LoanSaaS.Domain.Approvals;

/// <summary>A line of an application's approval history (审批记录): every decision, and what the flow did by itself.</summary>
public sealed class ApprovalDecision
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid ApprovalId { get; set; }
    public Guid? TaskId { get; set; }
    public Guid FlowVersionId { get; set; }
    public int FlowVersion { get; set; }
    public required string NodeId { get; set; }
    public required string NodeName { get; set; }
    public int Round { get; set; }
    public ApprovalAction Action { get; set; }

    /// <summary>Null for the flow itself (timeouts, copies, the end).</summary>
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }

    /// <summary>The approver a delegate decided for, or whose task was reassigned.</summary>
    public string? OnBehalfOfId { get; set; }
    public string? OnBehalfOfName { get; set; }
    public string? Comment { get; set; }

    /// <summary>The outcome of an end, the escalation role, or the member a task was reassigned to (by name).</summary>
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
}
