using LoanSaaS.Domain.Approvals;
using Kind = LoanSaaS.Domain.Approvals.ApprovalFlowProblemKind;

namespace LoanSaaS.Domain.Tests.Approvals;

public class ApprovalFlowValidatorTests
{
    private static readonly ApproverSettings Risk = ApproverSettings.ByRole("risk", ApprovalMode.AnyOne, 24, TimeoutAction.Remind);

    private static ApprovalFlowDefinition Flow(ApprovalNode[] nodes, params (string From, string To, bool IsDefault)[] edges) =>
        new("测试", 1, nodes, edges.Select(e => new ApprovalEdge(e.From, e.To, null, e.IsDefault)).ToList());

    private static ApprovalNode[] Simple(params ApprovalNode[] extra) =>
    [
        ApprovalNode.Start("s", "开始"), ApprovalNode.Approve("a", "审批", Risk),
        ApprovalNode.End("ok", "通过", ApprovalOutcome.Approved), ApprovalNode.End("no", "驳回", ApprovalOutcome.Rejected), .. extra,
    ];

    private static readonly (string, string, bool)[] SimpleEdges = [("s", "a", false), ("a", "ok", false), ("a", "no", false)];

    private static IEnumerable<(Kind, string?)> Problems(ApprovalFlowDefinition flow) =>
        ApprovalFlowValidator.Validate(flow).Select(p => (p.Kind, p.NodeId));

    [Fact]
    public void A_simple_flow_is_valid() => Assert.Empty(Problems(Flow(Simple(), SimpleEdges)));

    [Fact]
    public void Missing_start_and_end_are_reported()
    {
        var problems = Problems(Flow([ApprovalNode.Approve("a", "审批", Risk)]));
        Assert.Contains((Kind.MissingStart, null), problems);
        Assert.Contains((Kind.MissingEnd, null), problems);
    }

    [Fact]
    public void A_second_start_is_reported() =>
        Assert.Contains((Kind.MultipleStarts, "s2"), Problems(Flow(Simple(ApprovalNode.Start("s2", "开始2")), [.. SimpleEdges, ("s2", "a", false)])));

    [Fact]
    public void An_unreachable_node_is_an_orphan() =>
        Assert.Equal([(Kind.OrphanNode, "x")], Problems(Flow(Simple(ApprovalNode.Notify("x", "抄送", "finance")), [.. SimpleEdges, ("x", "ok", false)])));

    [Fact]
    public void A_node_with_no_way_to_an_end_is_reported() =>
        Assert.Equal([(Kind.CannotReachEnd, "x")], Problems(Flow(Simple(ApprovalNode.Notify("x", "抄送", "finance")), [.. SimpleEdges, ("a", "x", false)])));

    [Fact]
    public void A_loop_back_for_more_documents_is_allowed() =>
        Assert.Empty(Problems(Flow(Simple(ApprovalNode.Notify("more", "补件", "sales")), [.. SimpleEdges, ("a", "more", false), ("more", "a", false)])));

    [Fact]
    public void A_loop_without_exit_cannot_reach_an_end()
    {
        var problems = Problems(Flow(Simple(ApprovalNode.Notify("x", "抄送", "sales"), ApprovalNode.Notify("y", "抄送", "sales")),
            [.. SimpleEdges, ("a", "x", false), ("x", "y", false), ("y", "x", false)]));
        Assert.Equal([(Kind.CannotReachEnd, "x"), (Kind.CannotReachEnd, "y")], problems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_condition_needs_exactly_one_default_edge(int defaults)
    {
        var edges = new List<(string, string, bool)> { ("s", "c", false), ("c", "a", defaults > 0), ("c", "ok", defaults > 1), ("a", "ok", false), ("a", "no", false) };
        var flow = Flow(Simple(ApprovalNode.Condition("c", "金额判断")), [.. edges]);
        Assert.Contains((Kind.ConditionNeedsOneDefault, "c"), Problems(flow));
    }

    [Fact]
    public void Edges_to_unknown_nodes_are_reported() =>
        Assert.Contains((Kind.EdgeToUnknownNode, "ghost"), Problems(Flow(Simple(), [.. SimpleEdges, ("a", "ghost", false)])));

    [Fact]
    public void Duplicate_ids_are_reported() =>
        Assert.Contains((Kind.DuplicateNodeId, "a"), Problems(Flow(Simple(ApprovalNode.Notify("a", "重复", "sales")), SimpleEdges)));

    [Fact]
    public void Start_with_incoming_and_end_with_outgoing_edges_are_reported()
    {
        var problems = Problems(Flow(Simple(), [.. SimpleEdges, ("ok", "s", false)]));
        Assert.Contains((Kind.StartHasIncomingEdges, "s"), problems);
        Assert.Contains((Kind.EndHasOutgoingEdges, "ok"), problems);
    }

    [Theory]
    [InlineData(ApproverKind.Role, 24, Kind.ApproveWithoutApprovers)]
    [InlineData(ApproverKind.Users, 24, Kind.ApproveWithoutApprovers)]
    [InlineData(ApproverKind.ApplicantManager, 0, Kind.InvalidSla)]
    public void Approve_nodes_need_approvers_and_a_positive_sla(ApproverKind kind, int sla, Kind expected)
    {
        var approvers = new ApproverSettings(kind, [], [], ApprovalMode.All, sla, TimeoutAction.AutoReject);
        var nodes = Simple()[..3].Append(ApprovalNode.Approve("m", "经理", approvers)).Append(Simple()[3]).ToArray();
        Assert.Equal([(expected, "m")], Problems(Flow(nodes, [.. SimpleEdges, ("a", "m", false), ("m", "ok", false)])));
    }

    [Fact]
    public void End_nodes_need_an_outcome() =>
        Assert.Equal([(Kind.EndWithoutOutcome, "e")], Problems(Flow(Simple(new ApprovalNode("e", ApprovalNodeKind.End, "结束")), [.. SimpleEdges, ("a", "e", false)])));
}
