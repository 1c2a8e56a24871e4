using LoanSaaS.Domain.Team;

namespace LoanSaaS.Domain.Approvals;

/// <summary>The approval flow seeded into a new agency: risk review, a manager co-sign above 50万, finance copied.</summary>
public static class SampleApprovalFlow
{
    public static ApprovalFlowDefinition Create()
    {
        var riskReview = ApproverSettings.ByRole(AgencyRoles.Key(AgencyRole.RiskReviewer), ApprovalMode.AnyOne, 24, TimeoutAction.Remind);
        var managerReview = ApproverSettings.ByRole(AgencyRoles.Key(AgencyRole.Manager), ApprovalMode.All, 24, TimeoutAction.Escalate);
        return new(
            "贷款申请审批",
            1,
            [
                ApprovalNode.Start("start", "开始"),
                ApprovalNode.Approve("risk-review", "风控初审", riskReview),
                ApprovalNode.Condition("amount-check", "金额判断"),
                ApprovalNode.Approve("manager-review", "经理复审", managerReview),
                ApprovalNode.Notify("notify-finance", "抄送财务", AgencyRoles.Key(AgencyRole.Finance)),
                ApprovalNode.End("approved", "通过", ApprovalOutcome.Approved),
                ApprovalNode.End("rejected", "驳回", ApprovalOutcome.Rejected),
            ],
            [
                new("start", "risk-review", null, false),
                new("risk-review", "amount-check", "通过", false),
                new("risk-review", "rejected", "驳回", false),
                new("amount-check", "manager-review", "金额 > 50万", false),
                new("amount-check", "notify-finance", "其他", true),
                new("manager-review", "notify-finance", "通过", false),
                new("manager-review", "rejected", "驳回", false),
                new("notify-finance", "approved", null, false),
            ]);
    }
}
