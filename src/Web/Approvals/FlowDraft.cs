using LoanSaaS.Domain.Approvals;
using LoanSaaS.Web.Pools;

namespace LoanSaaS.Web.Approvals;

/// <summary>The designer's editable copy of a flow (definitions are immutable records) and the graph edits it offers.</summary>
public sealed class FlowDraft
{
    public string Name { get; set; } = "";
    public List<NodeDraft> Nodes { get; } = [];
    public List<EdgeDraft> Edges { get; } = [];

    public static FlowDraft From(ApprovalFlowDefinition definition)
    {
        var draft = new FlowDraft { Name = definition.Name };
        draft.Nodes.AddRange(definition.Nodes.Select(NodeDraft.From));
        draft.Edges.AddRange(definition.Edges.Select(EdgeDraft.Of));
        return draft;
    }

    public ApprovalFlowDefinition ToDefinition(int version) =>
        new(Name, version, Nodes.Select(n => n.ToNode()).ToList(), Edges.Select(e => e.ToEdge()).ToList());

    public NodeDraft? Node(string? id) => Nodes.FirstOrDefault(n => n.Id == id);

    public IEnumerable<EdgeDraft> Outgoing(string id) => Edges.Where(e => e.From == id);

    /// <summary>The edge a node takes when it passes (Start, Notify, Approve) or by default (Condition).</summary>
    public EdgeDraft? Next(string id) => Outgoing(id).FirstOrDefault(e => !e.OnRejected && (Node(id)?.Kind != ApprovalNodeKind.Condition || e.IsDefault));

    public EdgeDraft? Rejection(string id) => Outgoing(id).FirstOrDefault(e => e.OnRejected);

    public static bool CanFollow(NodeDraft node) => node.Kind != ApprovalNodeKind.End;

    /// <summary>Puts a new node between <paramref name="after"/> and the node it leads to: an approve node's pass edge, a condition's default.</summary>
    public NodeDraft AddAfter(NodeDraft after, ApprovalNodeKind kind, string name)
    {
        var node = NodeDraft.New(NewId(kind), kind, name);
        Nodes.Insert(Nodes.IndexOf(after) + 1, node);
        var next = Next(after.Id);
        var target = next?.To ?? Nodes.FirstOrDefault(n => n is { Kind: ApprovalNodeKind.End, Outcome: ApprovalOutcome.Approved })?.Id;
        if (next is not null) next.To = node.Id;
        else Edges.Add(new EdgeDraft { From = after.Id, To = node.Id, IsDefault = after.Kind == ApprovalNodeKind.Condition });
        if (target is not null) Edges.Add(new EdgeDraft { From = node.Id, To = target, IsDefault = kind == ApprovalNodeKind.Condition });
        return node;
    }

    /// <summary>Adds an End node (not yet connected: a branch or a rejection route can lead to it).</summary>
    public NodeDraft AddEnd(ApprovalOutcome outcome, string name)
    {
        var node = NodeDraft.New(NewId(ApprovalNodeKind.End), ApprovalNodeKind.End, name);
        node.Outcome = outcome;
        Nodes.Add(node);
        return node;
    }

    /// <summary>
    /// Removes a node (never Start). Edges into it are sent on to where it led when it passed (its default branch for a
    /// condition); without such a next step they go too, and the validator names what is left unconnected.
    /// </summary>
    public void Delete(NodeDraft node)
    {
        if (node.Kind == ApprovalNodeKind.Start) return;
        var next = Next(node.Id)?.To;
        Edges.RemoveAll(e => e.From == node.Id);
        foreach (var incoming in Edges.Where(e => e.To == node.Id).ToList())
        {
            if (next is not null && next != incoming.From) incoming.To = next;
            else Edges.Remove(incoming);
        }

        Nodes.Remove(node);
    }

    /// <summary>Sets where a Start, Notify or Approve node goes next (the pass edge).</summary>
    public void SetNext(NodeDraft node, string? to)
    {
        var edge = Next(node.Id);
        if (to is null)
        {
            if (edge is not null) Edges.Remove(edge);
        }
        else if (edge is null) Edges.Add(new EdgeDraft { From = node.Id, To = to, IsDefault = node.Kind == ApprovalNodeKind.Condition });
        else edge.To = to;
    }

    /// <summary>Sets an approve node's rejection route; null sends rejections to the flow's Rejected End.</summary>
    public void SetRejection(NodeDraft node, string? to)
    {
        var edge = Rejection(node.Id);
        if (to is null)
        {
            if (edge is not null) Edges.Remove(edge);
        }
        else if (edge is null) Edges.Add(new EdgeDraft { From = node.Id, To = to, OnRejected = true });
        else edge.To = to;
    }

    public List<EdgeDraft> Branches(string conditionId) => Outgoing(conditionId).Where(e => !e.IsDefault && !e.OnRejected).ToList();

    public EdgeDraft AddBranch(NodeDraft condition, string label)
    {
        var target = Next(condition.Id)?.To ?? Nodes.First(n => n.Kind != ApprovalNodeKind.Start && n.Id != condition.Id).Id;
        var branch = new EdgeDraft { From = condition.Id, To = target, Label = label, Condition = GroupDraft.Start() };
        var last = Branches(condition.Id).LastOrDefault();
        Edges.Insert(last is null ? Edges.Count : Edges.IndexOf(last) + 1, branch);
        return branch;
    }

    /// <summary>Moves a branch one place up or down among its condition's branches (the order they are tried in).</summary>
    public void MoveBranch(EdgeDraft branch, int delta)
    {
        var siblings = Branches(branch.From);
        var index = siblings.IndexOf(branch);
        var swapWith = index + delta;
        if (index < 0 || swapWith < 0 || swapWith >= siblings.Count) return;
        var (a, b) = (Edges.IndexOf(branch), Edges.IndexOf(siblings[swapWith]));
        (Edges[a], Edges[b]) = (Edges[b], Edges[a]);
    }

    private string NewId(ApprovalNodeKind kind)
    {
        var prefix = kind.ToString().ToLowerInvariant();
        for (var i = 1; ; i++)
        {
            var id = $"{prefix}-{i}";
            if (Nodes.All(n => n.Id != id)) return id;
        }
    }
}

public sealed class NodeDraft
{
    public required string Id { get; init; }
    public ApprovalNodeKind Kind { get; init; }
    public string Name { get; set; } = "";
    public ApproverKind ApproverKind { get; set; } = ApproverKind.Role;
    public IReadOnlyCollection<string> RoleKeys { get; set; } = [];
    public IReadOnlyCollection<string> UserIds { get; set; } = [];
    public ApprovalMode Mode { get; set; }
    public int? SlaHours { get; set; } = 24;
    public TimeoutAction TimeoutAction { get; set; }
    public string? EscalateToRoleKey { get; set; }
    public IReadOnlyCollection<string> NotifyRoleKeys { get; set; } = [];
    public IReadOnlyCollection<string> NotifyUserIds { get; set; } = [];
    public ApprovalOutcome? Outcome { get; set; }

    public static NodeDraft New(string id, ApprovalNodeKind kind, string name) => new() { Id = id, Kind = kind, Name = name };

    public static NodeDraft From(ApprovalNode node) => new()
    {
        Id = node.Id, Kind = node.Kind, Name = node.Name, ApproverKind = node.Approvers?.ApproverKind ?? ApproverKind.Role,
        RoleKeys = node.Approvers?.RoleKeys.ToList() ?? [], UserIds = node.Approvers?.UserIds.ToList() ?? [], Mode = node.Approvers?.Mode ?? ApprovalMode.AnyOne,
        SlaHours = node.Approvers is null ? 24 : node.Approvers.SlaHours, TimeoutAction = node.Approvers?.TimeoutAction ?? TimeoutAction.Remind,
        EscalateToRoleKey = node.Approvers?.EscalateToRoleKey, NotifyRoleKeys = node.NotifyRoleKeys.ToList(), NotifyUserIds = node.NotifyUserIds.ToList(),
        Outcome = node.Outcome,
    };

    public ApprovalNode ToNode() => new(Id, Kind, Name.Trim())
    {
        Approvers = Kind != ApprovalNodeKind.Approve ? null : new ApproverSettings(ApproverKind,
            ApproverKind == ApproverKind.Role ? RoleKeys.ToList() : [], ApproverKind == ApproverKind.Users ? UserIds.ToList() : [],
            ApproverKind == ApproverKind.ApplicantManager ? ApprovalMode.AnyOne : Mode, SlaHours, TimeoutAction)
        {
            EscalateToRoleKey = TimeoutAction == TimeoutAction.Escalate ? EscalateToRoleKey : null,
        },
        NotifyRoleKeys = Kind == ApprovalNodeKind.Notify ? NotifyRoleKeys.ToList() : [],
        NotifyUserIds = Kind == ApprovalNodeKind.Notify ? NotifyUserIds.ToList() : [],
        Outcome = Kind == ApprovalNodeKind.End ? Outcome : null,
    };
}

public sealed class EdgeDraft
{
    public required string From { get; set; }
    public required string To { get; set; }
    public string? Label { get; set; }
    public bool IsDefault { get; set; }
    public bool OnRejected { get; set; }
    public GroupDraft? Condition { get; set; }

    public static EdgeDraft Of(ApprovalEdge edge) => new()
    {
        From = edge.From, To = edge.To, Label = edge.Label, IsDefault = edge.IsDefault, OnRejected = edge.OnRejected,
        Condition = edge.Condition is null ? null : ConditionDraft.From(edge.Condition) is GroupDraft g ? g : new GroupDraft { Children = [ConditionDraft.From(edge.Condition)] },
    };

    public ApprovalEdge ToEdge() => new(From, To, string.IsNullOrWhiteSpace(Label) ? null : Label.Trim(), IsDefault)
    {
        Condition = IsDefault ? null : Condition?.ToCondition(), OnRejected = OnRejected,
    };
}
