namespace LoanSaaS.Domain.Approvals;

public sealed record ApprovalFlowProblem(ApprovalFlowProblemKind Kind, string? NodeId);
