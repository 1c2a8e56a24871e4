using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;

namespace LoanSaaS.Domain.Tests.Approvals;

public class SampleApprovalFlowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private readonly ApprovalFlowDefinition _flow = SampleApprovalFlow.Create();

    [Fact]
    public void The_sample_flow_is_valid() => Assert.Empty(ApprovalFlowValidator.Validate(_flow));

    [Fact]
    public void The_applicants_manager_reviews_first_and_risk_escalates_to_managers()
    {
        Assert.Equal(ApproverKind.ApplicantManager, _flow.Nodes.Single(n => n.Id == "manager-review").Approvers!.ApproverKind);
        var risk = _flow.Nodes.Single(n => n.Id == "risk-review").Approvers!;
        Assert.Equal("risk", Assert.Single(risk.RoleKeys));
        Assert.Equal((ApprovalMode.AnyOne, 24, TimeoutAction.Escalate, "manager"), (risk.Mode, risk.SlaHours, risk.TimeoutAction, risk.EscalateToRoleKey));
    }

    [Theory]
    [InlineData(60, "提交进件,业务经理初审,风控复审,金额判断,总经理终审,财务放款确认,审批通过")]
    [InlineData(50, "提交进件,业务经理初审,风控复审,金额判断,财务放款确认,审批通过")]
    public void Only_amounts_above_50_wan_go_to_the_general_manager(decimal amountWan, string path)
    {
        var simulated = new ApprovalPath(_flow, ApplicationConditions.Schema).Simulate(new ApplicationFacts { AmountWan = amountWan }, Now);
        Assert.Equal(path, string.Join(",", simulated.Select(n => n.Name)));
    }

    [Theory]
    [InlineData("manager-review")]
    [InlineData("risk-review")]
    [InlineData("final-review")]
    [InlineData("finance-check")]
    public void A_rejection_at_any_review_ends_rejected(string nodeId) =>
        Assert.Equal(ApprovalOutcome.Rejected, new ApprovalPath(_flow, ApplicationConditions.Schema).Next(nodeId, new ApplicationFacts(), Now, rejected: true).Outcome);
}
