using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Approvals;

/// <summary>How a flow moves between nodes for given facts: the branch a condition node takes and the path a simulation walks.</summary>
public sealed class ApprovalPath
{
    private readonly ApprovalFlowDefinition _definition;
    private readonly ConditionSchema<ApplicationFacts> _schema;
    private readonly Dictionary<ConditionNode, Func<ApplicationFacts, bool>> _compiled = new(ReferenceEqualityComparer.Instance);

    /// <param name="schema">The agency's <see cref="ApplicationConditions"/> (with its own fields).</param>
    public ApprovalPath(ApprovalFlowDefinition definition, ConditionSchema<ApplicationFacts> schema)
    {
        _definition = definition;
        _schema = schema;
    }

    public ApprovalNode Node(string id) => _definition.Nodes.First(n => n.Id == id);

    /// <summary>The node after <paramref name="fromId"/>: a condition's first holding branch (else its default), an approve node's pass or rejection edge, otherwise the single edge.</summary>
    public ApprovalNode Next(string fromId, ApplicationFacts facts, DateTimeOffset now, bool rejected = false)
    {
        var from = Node(fromId);
        var outgoing = _definition.Edges.Where(e => e.From == fromId).ToList();
        var edge = from.Kind switch
        {
            ApprovalNodeKind.Condition => outgoing.FirstOrDefault(e => !e.IsDefault && e.Condition is { } c && Holds(c, facts, now)) ?? outgoing.First(e => e.IsDefault),
            ApprovalNodeKind.Approve when rejected => outgoing.FirstOrDefault(e => e.OnRejected),
            ApprovalNodeKind.Approve => outgoing.First(e => !e.OnRejected),
            _ => outgoing.First(),
        };
        return edge is null
            ? _definition.Nodes.First(n => n.Kind == ApprovalNodeKind.End && n.Outcome == ApprovalOutcome.Rejected)
            : Node(edge.To);
    }

    /// <summary>The nodes a submission passes through when every approver approves, from Start to an End.</summary>
    public IReadOnlyList<ApprovalNode> Simulate(ApplicationFacts facts, DateTimeOffset now)
    {
        var node = _definition.Nodes.First(n => n.Kind == ApprovalNodeKind.Start);
        var path = new List<ApprovalNode> { node };
        var seen = new HashSet<string>(StringComparer.Ordinal) { node.Id };
        while (node.Kind != ApprovalNodeKind.End)
        {
            node = Next(node.Id, facts, now);
            path.Add(node);
            if (!seen.Add(node.Id)) break;
        }

        return path;
    }

    private bool Holds(ConditionNode condition, ApplicationFacts facts, DateTimeOffset now)
    {
        if (!_compiled.TryGetValue(condition, out var predicate))
        {
            predicate = ConditionCompiler.Predicate(condition, _schema, now);
            _compiled[condition] = predicate;
        }

        return predicate(facts);
    }
}
