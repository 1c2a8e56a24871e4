namespace LoanSaaS.Domain.Approvals;

/// <summary>
/// An approval flow as data: a directed graph from one Start to End nodes. Loops (e.g. back for more
/// documents) are allowed. Running instances keep the <paramref name="Version"/> they started with.
/// </summary>
public sealed record ApprovalFlowDefinition(
    string Name,
    int Version,
    IReadOnlyList<ApprovalNode> Nodes,
    IReadOnlyList<ApprovalEdge> Edges);
