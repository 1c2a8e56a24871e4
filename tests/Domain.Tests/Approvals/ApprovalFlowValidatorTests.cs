using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using Kind = LoanSaaS.Domain.Approvals.ApprovalFlowProblemKind;

namespace LoanSaaS.Domain.Tests.Approvals;

public class ApprovalFlowValidatorTests
{
    private static readonly ApproverSettings Risk = ApproverSettings.ByRole("risk", ApprovalMode.AnyOne, 24, TimeoutAction.Remind);
    private static readonly ConditionNode Above50 = Comparison.Of("AmountWan", ConditionOperator.GreaterThan, "50");

    private static ApprovalFlowDefinition Flow(ApprovalNode[] nodes, params ApprovalEdge[] edges) => new("测试", 1, nodes, edges);

    private static ApprovalEdge E(string from, string to) => new(from, to, null, false);

    private static ApprovalEdge Rejected(string from, string to) => new(from, to, null, false) { OnRejected = true };

    private static ApprovalEdge Default(string from, string to) => new(from, to, "其他", true);

    private static ApprovalEdge Branch(string from, string to, ConditionNode? condition) => new(from, to, "分支", false) { Condition = condition };

    private static ApprovalNode[] Simple(params ApprovalNode[] extra) =>
    [
        ApprovalNode.Start("s", "开始"), ApprovalNode.Approve("a", "审批", Risk),
        ApprovalNode.End("ok", "通过", ApprovalOutcome.Approved), ApprovalNode.End("no", "驳回", ApprovalOutcome.Rejected), .. extra,
    ];

    private static readonly ApprovalEdge[] SimpleEdges = [E("s", "a"), E("a", "ok"), Rejected("a", "no")];

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
        Assert.Contains((Kind.MultipleStarts, "s2"), Problems(Flow(Simple(ApprovalNode.Start("s2", "开始2")), [.. SimpleEdges, E("s2", "a")])));

    [Fact]
    public void An_unreachable_node_is_an_orphan() =>
        Assert.Equal([(Kind.OrphanNode, "x")], Problems(Flow(Simple(ApprovalNode.Notify("x", "抄送", "finance")), [.. SimpleEdges, E("x", "ok")])));

    [Fact]
    public void A_node_with_no_way_to_an_end_is_reported()
    {
        var flow = Flow(Simple(ApprovalNode.Condition("c", "判断"), ApprovalNode.Approve("x", "死路", Risk)),
            E("s", "a"), E("a", "c"), Rejected("a", "no"), Branch("c", "x", Above50), Default("c", "ok"), E("x", "x"));
        Assert.Equal([(Kind.CannotReachEnd, "x")], Problems(flow));
    }

    [Fact]
    public void A_loop_back_for_more_documents_is_allowed() =>
        Assert.Empty(Problems(Flow(Simple(ApprovalNode.Condition("c", "判断"), ApprovalNode.Notify("more", "补件", "sales")),
            E("s", "a"), E("a", "c"), Rejected("a", "no"), Branch("c", "more", Above50), Default("c", "ok"), E("more", "a"))));

    [Fact]
    public void A_loop_without_exit_cannot_reach_an_end()
    {
        var problems = Problems(Flow(Simple(ApprovalNode.Condition("c", "判断"), ApprovalNode.Notify("x", "抄送", "sales"), ApprovalNode.Notify("y", "抄送", "sales")),
            E("s", "a"), E("a", "c"), Rejected("a", "no"), Branch("c", "x", Above50), Default("c", "ok"), E("x", "y"), E("y", "x")));
        Assert.Equal([(Kind.CannotReachEnd, "x"), (Kind.CannotReachEnd, "y")], problems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void A_condition_needs_exactly_one_default_edge(int defaults)
    {
        var edges = new List<ApprovalEdge>
        {
            E("s", "c"), defaults > 0 ? Default("c", "a") : Branch("c", "a", Above50), defaults > 1 ? Default("c", "ok") : Branch("c", "ok", Above50), E("a", "ok"), Rejected("a", "no"),
        };
        var flow = Flow(Simple(ApprovalNode.Condition("c", "金额判断")), [.. edges]);
        Assert.Contains((Kind.ConditionNeedsOneDefault, "c"), Problems(flow));
    }

    [Fact]
    public void Edges_to_unknown_nodes_are_reported() =>
        Assert.Contains((Kind.EdgeToUnknownNode, "ghost"), Problems(Flow(Simple(), [.. SimpleEdges, E("ok", "ghost")])));

    [Fact]
    public void Duplicate_ids_are_reported() =>
        Assert.Contains((Kind.DuplicateNodeId, "a"), Problems(Flow(Simple(ApprovalNode.Notify("a", "重复", "sales")), SimpleEdges)));

    [Fact]
    public void Start_with_incoming_and_end_with_outgoing_edges_are_reported()
    {
        var problems = Problems(Flow(Simple(), [.. SimpleEdges, E("ok", "s")]));
        Assert.Contains((Kind.StartHasIncomingEdges, "s"), problems);
        Assert.Contains((Kind.EndHasOutgoingEdges, "ok"), problems);
    }

    [Theory]
    [InlineData(ApproverKind.Role, 24, Kind.ApproveWithoutApprovers)]
    [InlineData(ApproverKind.Users, 24, Kind.ApproveWithoutApprovers)]
    [InlineData(ApproverKind.ApplicantManager, 0, Kind.InvalidSla)]
    [InlineData(ApproverKind.ApplicantManager, 721, Kind.InvalidSla)]
    public void Approve_nodes_need_approvers_and_an_sla_of_1_to_720_hours(ApproverKind kind, int sla, Kind expected)
    {
        var approvers = new ApproverSettings(kind, [], [], ApprovalMode.All, sla, TimeoutAction.AutoReject);
        var nodes = Simple()[..3].Append(ApprovalNode.Approve("m", "经理", approvers)).Append(Simple()[3]).ToArray();
        Assert.Equal([(expected, "m")], Problems(Flow(nodes, E("s", "a"), E("a", "m"), Rejected("a", "no"), E("m", "ok"))));
    }

    [Fact]
    public void An_sla_of_720_hours_and_no_sla_are_fine()
    {
        var nodes = Simple(ApprovalNode.Approve("m", "经理", ApproverSettings.ApplicantManager(720, TimeoutAction.Remind)),
            ApprovalNode.Approve("n", "总经理", ApproverSettings.ApplicantManager(null, TimeoutAction.Remind)));
        Assert.Empty(Problems(Flow(nodes, E("s", "a"), E("a", "m"), Rejected("a", "no"), E("m", "n"), E("n", "ok"))));
    }

    [Fact]
    public void End_nodes_need_an_outcome() =>
        Assert.Equal([(Kind.EndWithoutOutcome, "e")], Problems(Flow([.. Simple().Where(n => n.Id != "ok"), new ApprovalNode("e", ApprovalNodeKind.End, "结束")], E("s", "a"), E("a", "e"), Rejected("a", "no"))));

    [Fact]
    public void A_start_needs_exactly_one_next_step()
    {
        Assert.Contains((Kind.NeedsOneNext, "s"), Problems(Flow(Simple(), [.. SimpleEdges, E("s", "ok")])));
        Assert.Contains((Kind.NeedsOneNext, "s"), Problems(Flow(Simple(), E("a", "ok"), Rejected("a", "no"))));
    }

    [Fact]
    public void A_notify_node_needs_one_next_step_and_a_recipient()
    {
        var silent = new ApprovalNode("n", ApprovalNodeKind.Notify, "抄送");
        var problems = Problems(Flow(Simple(silent), E("s", "a"), E("a", "n"), Rejected("a", "no"), E("n", "ok"), E("n", "no")));
        Assert.Contains((Kind.NeedsOneNext, "n"), problems);
        Assert.Contains((Kind.NotifyWithoutRecipients, "n"), problems);
        var byUser = silent with { NotifyUserIds = ["u1"] };
        Assert.Empty(Problems(Flow(Simple(byUser), E("s", "a"), E("a", "n"), Rejected("a", "no"), E("n", "ok"))));
    }

    [Fact]
    public void An_approve_node_needs_one_pass_edge_and_at_most_one_rejection_route()
    {
        Assert.Contains((Kind.ApproveNeedsOnePass, "a"), Problems(Flow(Simple(), E("s", "a"), Rejected("a", "no"))));
        Assert.Contains((Kind.ApproveNeedsOnePass, "a"), Problems(Flow(Simple(), [.. SimpleEdges, E("a", "no")])));
        Assert.Contains((Kind.ApproveTooManyRejections, "a"), Problems(Flow(Simple(), [.. SimpleEdges, Rejected("a", "ok")])));
    }

    [Fact]
    public void A_rejection_route_only_leaves_approve_nodes()
    {
        var problems = Problems(Flow(Simple(ApprovalNode.Notify("n", "抄送", "sales")), E("s", "a"), E("a", "n"), Rejected("a", "no"), E("n", "ok"), Rejected("n", "no")));
        Assert.Contains((Kind.RejectionNotFromApprove, "n"), problems);
    }

    [Fact]
    public void An_approve_node_escalating_needs_a_role()
    {
        var escalate = ApproverSettings.ApplicantManager(24, TimeoutAction.Escalate);
        var nodes = Simple(ApprovalNode.Approve("m", "经理", escalate));
        ApprovalEdge[] edges = [E("s", "a"), E("a", "m"), Rejected("a", "no"), E("m", "ok")];
        Assert.Equal([(Kind.EscalateWithoutRole, "m")], Problems(Flow(nodes, edges)));
        Assert.Empty(Problems(Flow(Simple(ApprovalNode.Approve("m", "经理", escalate with { EscalateToRoleKey = "manager" })), edges)));
    }

    [Fact]
    public void Branches_need_a_condition_that_fits_the_schema()
    {
        var nodes = Simple(ApprovalNode.Condition("c", "判断"));
        Assert.Contains((Kind.BranchWithoutCondition, "c"),
            Problems(Flow(nodes, E("s", "c"), Branch("c", "a", null), Default("c", "ok"), E("a", "ok"), Rejected("a", "no"))));
        var invalid = ApprovalFlowValidator.Validate(Flow(nodes, E("s", "c"), Branch("c", "a", Comparison.Of("Nope", ConditionOperator.EqualTo, "1")), Default("c", "ok"),
            E("a", "ok"), Rejected("a", "no")));
        var problem = Assert.Single(invalid);
        Assert.Equal((Kind.BranchConditionInvalid, "c", "UnknownField"), (problem.Kind, problem.NodeId, problem.Detail));
    }

    [Fact]
    public void A_branch_over_an_agency_field_needs_the_agencys_schema()
    {
        var field = new CustomField { Label = "社保基数", Type = FieldType.Number };
        var flow = Flow(Simple(ApprovalNode.Condition("c", "判断")), E("s", "c"), Branch("c", "a", Comparison.Of(field.Key, ConditionOperator.GreaterThan, "5000")),
            Default("c", "ok"), E("a", "ok"), Rejected("a", "no"));
        Assert.Contains((Kind.BranchConditionInvalid, "c"), Problems(flow));
        Assert.Empty(ApprovalFlowValidator.Validate(flow, ApplicationConditions.With([field])));
    }

    [Fact]
    public void Nodes_need_a_name() =>
        Assert.Contains((Kind.NodeWithoutName, "a"), Problems(Flow([.. Simple().Where(n => n.Id != "a"), ApprovalNode.Approve("a", " ", Risk)], SimpleEdges)));

    [Fact]
    public void A_rejection_without_a_route_needs_a_rejected_end() =>
        Assert.Contains((Kind.RejectionHasNowhereToGo, "a"), Problems(Flow([.. Simple().Where(n => n.Id != "no")], E("s", "a"), E("a", "ok"))));

    [Fact]
    public void Approvers_the_agency_does_not_have_are_reported()
    {
        var escalating = ApproverSettings.ByRole("risk", ApprovalMode.AnyOne, 24, TimeoutAction.Escalate) with { EscalateToRoleKey = "boss" };
        var flow = Flow(Simple(ApprovalNode.Approve("e", "升级", escalating), ApprovalNode.Approve("u", "指定人", new ApproverSettings(ApproverKind.Users, [], ["u1", "gone"],
            ApprovalMode.All, 24, TimeoutAction.Remind)), new ApprovalNode("n", ApprovalNodeKind.Notify, "抄送") { NotifyRoleKeys = ["cfo"], NotifyUserIds = ["u1"] }), SimpleEdges);
        var problems = ApprovalFlowValidator.CheckApprovers(flow, new HashSet<string> { "risk", "manager" }, new HashSet<string> { "u1" })
            .Select(p => (p.Kind, p.NodeId, p.Detail));
        Assert.Equal([(Kind.UnknownRole, "e", "boss"), (Kind.UnknownMember, "u", "gone"), (Kind.UnknownRole, "n", "cfo")], problems);
    }
}
