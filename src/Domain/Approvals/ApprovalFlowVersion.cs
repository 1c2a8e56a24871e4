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
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token of a draft being edited; <see cref="Version"/> is the flow's version number.</summary>
    public long Revision { get; set; } = 1;

    public const int MaxKeyLength = 30;
    public const int MaxNameLength = 50;
    public const int MaxNodes = 60;

    /// <summary>The sample flow every new agency starts with, published as version 1 of <see cref="SampleApprovalFlow.FlowKey"/>.</summary>
    public static ApprovalFlowVersion Sample(DateTimeOffset now)
    {
        var flow = SampleApprovalFlow.Create();
        return new ApprovalFlowVersion
        {
            FlowKey = SampleApprovalFlow.FlowKey, Name = flow.Name, Version = flow.Version, Status = ApprovalFlowStatus.Published,
            Definition = flow, CreatedAt = now, UpdatedAt = now, PublishedAt = now,
        };
    }
}
