namespace LoanSaaS.Domain.Approvals;

/// <param name="Label">For now a readable condition such as "金额 > 50万", or the decision ("通过"/"驳回") leaving an approve node.</param>
/// <param name="IsDefault">The branch a condition node takes when no other branch matches.</param>
public sealed record ApprovalEdge(string From, string To, string? Label, bool IsDefault);
