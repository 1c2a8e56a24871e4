namespace LoanSaaS.Domain.Approvals;

/// <param name="NodeId">The node the problem is about; null for the flow as a whole.</param>
public sealed record ApprovalFlowProblem(ApprovalFlowProblemKind Kind, string? NodeId)
{
    /// <summary>More about the problem where one kind covers several causes: a condition error's code, a missing role or member.</summary>
    public string? Detail { get; init; }
}
