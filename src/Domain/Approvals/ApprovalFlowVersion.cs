namespace LoanSaaS.Domain.Approvals;

public enum ApprovalFlowStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>One saved version of an agency's approval flow; running applications keep the version they started with.</summary>
public sealed class ApprovalFlowVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string FlowKey { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public ApprovalFlowStatus Status { get; set; }
    public required ApprovalFlowDefinition Definition { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
