namespace LoanSaaS.Domain.Approvals;

/// <summary>
/// The stored state of one application's approval (<see cref="ApprovalInstance"/> plus its application and times).
/// Every transition saves against <see cref="Version"/>, so two decisions, nodes or sweeps never both apply.
/// </summary>
public sealed class ApplicationApproval
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public Guid FlowVersionId { get; set; }
    public required string FlowKey { get; set; }
    public int FlowVersion { get; set; }
    public required string NodeId { get; set; }
    public ApprovalInstanceStatus Status { get; set; }
    public ApprovalMode Mode { get; set; }
    public int Round { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public bool SlaHandled { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Concurrency token.</summary>
    public long Version { get; set; }

    /// <summary>The engine's view, with the tasks of the current round.</summary>
    public ApprovalInstance ToState(IEnumerable<ApprovalTask> tasks) => new(FlowVersionId, FlowVersion, NodeId, Status, Mode, Round, DueAt,
        tasks.Where(t => t.Round == Round).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new ApprovalTaskState(t.Id, t.NodeId, t.Round, t.ApproverId, t.Status, t.DueAt, t.IsEscalation)).ToList())
    { SlaHandled = SlaHandled };

    public void Take(ApprovalInstance state, DateTimeOffset now)
    {
        (NodeId, Status, Mode, Round, DueAt, SlaHandled, UpdatedAt) = (state.NodeId, state.Status, state.Mode, state.Round, state.DueAt, state.SlaHandled, now);
        if (state.IsFinished) FinishedAt ??= now;
        Version++;
    }
}
