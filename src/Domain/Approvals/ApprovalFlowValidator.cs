using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Approvals;

/// <summary>Structural checks the designer runs before a flow can be published (whether its approvers exist needs the agency's data: Infrastructure checks that).</summary>
public static class ApprovalFlowValidator
{
    public const int MaxSlaHours = 720;

    /// <summary>Every problem found, branch conditions checked against the built-in application fields; empty when the flow is publishable.</summary>
    public static IReadOnlyList<ApprovalFlowProblem> Validate(ApprovalFlowDefinition definition) => Validate(definition, ApplicationConditions.Schema);

    /// <summary>Every problem found, branch conditions checked against <paramref name="schema"/> (the agency's <see cref="ApplicationConditions.With"/>).</summary>
    public static IReadOnlyList<ApprovalFlowProblem> Validate(ApprovalFlowDefinition definition, ConditionSchema<ApplicationFacts> schema)
    {
        var problems = new List<ApprovalFlowProblem>();
        var nodes = IndexNodes(definition.Nodes, problems);
        CheckStartAndEnd(definition.Nodes, problems);
        CheckEdges(definition.Edges, nodes, problems);
        var hasRejectedEnd = definition.Nodes.Any(n => n is { Kind: ApprovalNodeKind.End, Outcome: ApprovalOutcome.Rejected });
        foreach (var node in nodes.Values)
        {
            if (string.IsNullOrWhiteSpace(node.Name)) problems.Add(new(ApprovalFlowProblemKind.NodeWithoutName, node.Id));
            CheckNodeSettings(node, definition.Edges, problems);
            CheckOutgoing(node, definition.Edges.Where(e => e.From == node.Id).ToList(), hasRejectedEnd, schema, problems);
        }

        CheckReachability(definition, nodes, problems);
        return problems;
    }

    private static Dictionary<string, ApprovalNode> IndexNodes(IReadOnlyList<ApprovalNode> nodes, List<ApprovalFlowProblem> problems)
    {
        var index = new Dictionary<string, ApprovalNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!index.TryAdd(node.Id, node))
            {
                problems.Add(new(ApprovalFlowProblemKind.DuplicateNodeId, node.Id));
            }
        }

        return index;
    }

    private static void CheckStartAndEnd(IReadOnlyList<ApprovalNode> nodes, List<ApprovalFlowProblem> problems)
    {
        var starts = nodes.Where(n => n.Kind == ApprovalNodeKind.Start).ToList();
        if (starts.Count == 0)
        {
            problems.Add(new(ApprovalFlowProblemKind.MissingStart, null));
        }

        problems.AddRange(starts.Skip(1).Select(s => new ApprovalFlowProblem(ApprovalFlowProblemKind.MultipleStarts, s.Id)));
        if (!nodes.Any(n => n.Kind == ApprovalNodeKind.End))
        {
            problems.Add(new(ApprovalFlowProblemKind.MissingEnd, null));
        }
    }

    private static void CheckEdges(IReadOnlyList<ApprovalEdge> edges, Dictionary<string, ApprovalNode> nodes, List<ApprovalFlowProblem> problems)
    {
        foreach (var id in edges.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal))
        {
            if (!nodes.ContainsKey(id))
            {
                problems.Add(new(ApprovalFlowProblemKind.EdgeToUnknownNode, id));
            }
        }
    }

    private static void CheckNodeSettings(ApprovalNode node, IReadOnlyList<ApprovalEdge> edges, List<ApprovalFlowProblem> problems)
    {
        var outgoing = edges.Where(e => e.From == node.Id).ToList();
        var kind = node.Kind switch
        {
            ApprovalNodeKind.Start when edges.Any(e => e.To == node.Id) => ApprovalFlowProblemKind.StartHasIncomingEdges,
            ApprovalNodeKind.End when outgoing.Count > 0 => ApprovalFlowProblemKind.EndHasOutgoingEdges,
            ApprovalNodeKind.End when node.Outcome is null => ApprovalFlowProblemKind.EndWithoutOutcome,
            ApprovalNodeKind.Condition when outgoing.Count(e => e.IsDefault) != 1 => ApprovalFlowProblemKind.ConditionNeedsOneDefault,
            ApprovalNodeKind.Approve when !HasApprovers(node.Approvers) => ApprovalFlowProblemKind.ApproveWithoutApprovers,
            ApprovalNodeKind.Approve when node.Approvers!.SlaHours is < 1 or > MaxSlaHours => ApprovalFlowProblemKind.InvalidSla,
            ApprovalNodeKind.Approve when node.Approvers!.TimeoutAction == TimeoutAction.Escalate && string.IsNullOrWhiteSpace(node.Approvers.EscalateToRoleKey)
                => ApprovalFlowProblemKind.EscalateWithoutRole,
            ApprovalNodeKind.Notify when node.NotifyRoleKeys.Count == 0 && node.NotifyUserIds.Count == 0 => ApprovalFlowProblemKind.NotifyWithoutRecipients,
            _ => (ApprovalFlowProblemKind?)null,
        };
        if (kind is { } problem)
        {
            problems.Add(new(problem, node.Id));
        }
    }

    /// <summary>Roles and members the flow names that the agency does not have: approvers, escalation roles, notified roles and members.</summary>
    public static IReadOnlyList<ApprovalFlowProblem> CheckApprovers(ApprovalFlowDefinition definition, IReadOnlySet<string> roleKeys, IReadOnlySet<string> activeUserIds)
    {
        var problems = new List<ApprovalFlowProblem>();
        foreach (var node in definition.Nodes)
        {
            var approvers = node.Kind == ApprovalNodeKind.Approve ? node.Approvers : null;
            var roles = node.Kind switch
            {
                ApprovalNodeKind.Approve when approvers is not null => [.. approvers.ApproverKind == ApproverKind.Role ? approvers.RoleKeys : [],
                    .. approvers.TimeoutAction == TimeoutAction.Escalate && approvers.EscalateToRoleKey is { Length: > 0 } escalate ? [escalate] : Array.Empty<string>()],
                ApprovalNodeKind.Notify => node.NotifyRoleKeys,
                _ => Array.Empty<string>(),
            };
            var users = node.Kind switch
            {
                ApprovalNodeKind.Approve when approvers is { ApproverKind: ApproverKind.Users } => approvers.UserIds,
                ApprovalNodeKind.Notify => node.NotifyUserIds,
                _ => [],
            };
            problems.AddRange(roles.Where(r => !roleKeys.Contains(r)).Distinct().Select(r => new ApprovalFlowProblem(ApprovalFlowProblemKind.UnknownRole, node.Id) { Detail = r }));
            problems.AddRange(users.Where(u => !activeUserIds.Contains(u)).Distinct().Select(u => new ApprovalFlowProblem(ApprovalFlowProblemKind.UnknownMember, node.Id) { Detail = u }));
        }

        return problems;
    }

    // The edge semantics of ApprovalEdge: one next step for Start and Notify, one pass and at most one rejection route
    // for Approve, branches with valid conditions for Condition nodes.
    private static void CheckOutgoing(ApprovalNode node, List<ApprovalEdge> outgoing, bool hasRejectedEnd, ConditionSchema<ApplicationFacts> schema,
        List<ApprovalFlowProblem> problems)
    {
        if (node.Kind != ApprovalNodeKind.Approve && outgoing.Any(e => e.OnRejected))
            problems.Add(new(ApprovalFlowProblemKind.RejectionNotFromApprove, node.Id));
        switch (node.Kind)
        {
            case ApprovalNodeKind.Start or ApprovalNodeKind.Notify when outgoing.Count != 1:
                problems.Add(new(ApprovalFlowProblemKind.NeedsOneNext, node.Id));
                break;
            case ApprovalNodeKind.Approve:
                if (!outgoing.Any(e => e.OnRejected) && !hasRejectedEnd) problems.Add(new(ApprovalFlowProblemKind.RejectionHasNowhereToGo, node.Id));
                if (outgoing.Count(e => !e.OnRejected) != 1) problems.Add(new(ApprovalFlowProblemKind.ApproveNeedsOnePass, node.Id));
                if (outgoing.Count(e => e.OnRejected) > 1) problems.Add(new(ApprovalFlowProblemKind.ApproveTooManyRejections, node.Id));
                break;
            case ApprovalNodeKind.Condition:
                foreach (var branch in outgoing.Where(e => !e.IsDefault))
                {
                    if (branch.Condition is null)
                    {
                        problems.Add(new(ApprovalFlowProblemKind.BranchWithoutCondition, node.Id) { Detail = branch.Label });
                        continue;
                    }

                    if (ConditionCompiler.Validate(branch.Condition, schema) is [var error, ..])
                        problems.Add(new(ApprovalFlowProblemKind.BranchConditionInvalid, node.Id) { Detail = error.Code });
                }

                break;
        }
    }

    private static bool HasApprovers(ApproverSettings? approvers) => approvers?.ApproverKind switch
    {
        ApproverKind.Role => approvers.RoleKeys.Count > 0,
        ApproverKind.Users => approvers.UserIds.Count > 0,
        ApproverKind.ApplicantManager => true,
        _ => false,
    };

    // Loops are allowed, so "every path ends" means: from every reachable node some End is reachable.
    private static void CheckReachability(ApprovalFlowDefinition definition, Dictionary<string, ApprovalNode> nodes, List<ApprovalFlowProblem> problems)
    {
        var starts = nodes.Values.Where(n => n.Kind == ApprovalNodeKind.Start).Select(n => n.Id);
        var ends = nodes.Values.Where(n => n.Kind == ApprovalNodeKind.End).Select(n => n.Id);
        var fromStart = Walk(starts, definition.Edges.ToLookup(e => e.From, e => e.To, StringComparer.Ordinal));
        var toEnd = Walk(ends, definition.Edges.ToLookup(e => e.To, e => e.From, StringComparer.Ordinal));
        foreach (var id in nodes.Keys)
        {
            if (!fromStart.Contains(id))
            {
                problems.Add(new(ApprovalFlowProblemKind.OrphanNode, id));
            }
            else if (!toEnd.Contains(id))
            {
                problems.Add(new(ApprovalFlowProblemKind.CannotReachEnd, id));
            }
        }
    }

    private static HashSet<string> Walk(IEnumerable<string> from, ILookup<string, string> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(from);
        while (pending.TryPop(out var id))
        {
            if (seen.Add(id))
            {
                foreach (var neighbour in next[id])
                {
                    pending.Push(neighbour);
                }
            }
        }

        return seen;
    }
}
