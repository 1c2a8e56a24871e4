using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;

namespace LoanSaaS.Domain.Approvals;

/// <summary>
/// The approval flow seeded into a new agency: 业务经理初审 → 风控复审 → (金额 > 50万 → 总经理终审) → 财务放款确认.
/// Any rejection ends the flow rejected.
/// </summary>
public static class SampleApprovalFlow
{
    public const string FlowKey = "default";

    public static ApprovalFlowDefinition Create()
    {
        var managerReview = ApproverSettings.ApplicantManager(24, TimeoutAction.Remind);
        var riskReview = ApproverSettings.ByRole(AgencyRoles.Key(AgencyRole.RiskReviewer), ApprovalMode.AnyOne, 24, TimeoutAction.Escalate)
            with { EscalateToRoleKey = AgencyRoles.Key(AgencyRole.Manager) };
        var finalReview = ApproverSettings.ByRole(AgencyRoles.Key(AgencyRole.Owner), ApprovalMode.AnyOne, 48, TimeoutAction.Remind);
        var financeCheck = ApproverSettings.ByRole(AgencyRoles.Key(AgencyRole.Finance), ApprovalMode.AnyOne, 24, TimeoutAction.Remind);
        return new(
            "贷款申请审批",
            1,
            [
                ApprovalNode.Start("start", "提交进件"),
                ApprovalNode.Approve("manager-review", "业务经理初审", managerReview),
                ApprovalNode.Approve("risk-review", "风控复审", riskReview),
                ApprovalNode.Condition("amount-check", "金额判断"),
                ApprovalNode.Approve("final-review", "总经理终审", finalReview),
                ApprovalNode.Approve("finance-check", "财务放款确认", financeCheck),
                ApprovalNode.End("approved", "审批通过", ApprovalOutcome.Approved),
                ApprovalNode.End("rejected", "审批拒绝", ApprovalOutcome.Rejected),
            ],
            [
                new("start", "manager-review", null, false),
                new("manager-review", "risk-review", null, false),
                new("manager-review", "rejected", null, false) { OnRejected = true },
                new("risk-review", "amount-check", null, false),
                new("risk-review", "rejected", null, false) { OnRejected = true },
                new("amount-check", "final-review", "金额 > 50万", false) { Condition = Comparison.Of("AmountWan", ConditionOperator.GreaterThan, "50") },
                new("amount-check", "finance-check", "其他", true),
                new("final-review", "finance-check", null, false),
                new("final-review", "rejected", null, false) { OnRejected = true },
                new("finance-check", "approved", null, false),
                new("finance-check", "rejected", null, false) { OnRejected = true },
            ]);
    }
}
