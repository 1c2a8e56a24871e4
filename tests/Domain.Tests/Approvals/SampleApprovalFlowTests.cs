using LoanSaaS.Domain.Approvals;

namespace LoanSaaS.Domain.Tests.Approvals;

public class SampleApprovalFlowTests
{
    private readonly ApprovalFlowDefinition _flow = SampleApprovalFlow.Create();

    [Fact]
    public void The_sample_flow_is_valid() => Assert.Empty(ApprovalFlowValidator.Validate(_flow));

    [Fact]
    public void Risk_review_is_any_one_and_manager_review_is_countersigned()
    {
        var risk = _flow.Nodes.Single(n => n.Id == "risk-review").Approvers!;
        var manager = _flow.Nodes.Single(n => n.Id == "manager-review").Approvers!;
        Assert.Equal("risk", Assert.Single(risk.RoleKeys));
        Assert.Equal((ApprovalMode.AnyOne, 24, TimeoutAction.Remind), (risk.Mode, risk.SlaHours, risk.TimeoutAction));
        Assert.Equal("manager", Assert.Single(manager.RoleKeys));
        Assert.Equal((ApprovalMode.All, 24, TimeoutAction.Escalate), (manager.Mode, manager.SlaHours, manager.TimeoutAction));
    }

    [Fact]
    public void Small_amounts_skip_the_manager_by_default()
    {
        var fromCondition = _flow.Edges.Where(e => e.From == "amount-check").ToList();
        Assert.Equal("notify-finance", Assert.Single(fromCondition, e => e.IsDefault).To);
        Assert.Equal("manager-review", Assert.Single(fromCondition, e => !e.IsDefault).To);
    }

    [Theory]
    [InlineData("risk-review")]
    [InlineData("manager-review")]
    public void Approvers_can_reject(string nodeId) =>
        Assert.Contains(_flow.Edges, e => e.From == nodeId && e.To == "rejected");

    [Fact]
    public void Both_outcomes_exist() =>
        Assert.Equal([ApprovalOutcome.Approved, ApprovalOutcome.Rejected], _flow.Nodes.Where(n => n.Kind == ApprovalNodeKind.End).Select(n => n.Outcome!.Value));
}
