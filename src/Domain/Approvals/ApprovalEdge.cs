using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Approvals;

/// <summary>
/// A step from one node to the next. Leaving a Start or Notify node: the one edge. Leaving an Approve node: the edge
/// taken when the node passes, and at most one with <see cref="OnRejected"/> for where a rejection goes (without it, a
/// rejection ends the flow at the first Rejected End). Leaving a Condition node: branches tried in list order, each with
/// a <see cref="Condition"/> over <see cref="Applications.ApplicationConditions"/>, and one <paramref name="IsDefault"/>
/// branch taken when none holds. "Return for more documents" is no edge: it pauses the flow at its node.
/// </summary>
/// <param name="Label">The branch's name shown on the diagram, e.g. "金额 > 50万"; optional.</param>
/// <param name="IsDefault">The branch a condition node takes when no other branch matches.</param>
public sealed record ApprovalEdge(string From, string To, string? Label, bool IsDefault)
{
    /// <summary>A condition node's branch test; null on the default branch and on edges leaving other nodes.</summary>
    public ConditionNode? Condition { get; init; }

    /// <summary>Leaving an Approve node: where a rejection goes.</summary>
    public bool OnRejected { get; init; }
}
