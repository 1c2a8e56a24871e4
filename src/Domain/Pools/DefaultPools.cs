using LoanSaaS.Domain.Automation;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Domain.Pools;

/// <summary>Pools every new agency starts with, as examples to copy; the loan facts of 优质增贷池 / 高危预警池 come with loans.</summary>
public static class DefaultPools
{
    public static IReadOnlyList<(string Name, string Description, ConditionNode Condition)> All { get; } =
    [
        ("高意向大额池", "意向 A/B 且申请金额 ≥ 50 万元的在跟线索",
            ConditionGroup.AllOf(Comparison.Of("Intent", In, "A", "B"), Comparison.Of("AmountWan", GreaterOrEqual, "50"), Comparison.Of("Status", EqualTo, "Active"))),
        ("待激活池", "3 天以上没有跟进（或从未跟进）的 A/B 级意向线索",
            ConditionGroup.AllOf(Comparison.Of("Intent", In, "A", "B"), Comparison.Of("Status", EqualTo, "Active"),
                ConditionGroup.AnyOf(Comparison.Of("LastFollowUpAt", MoreThanDaysAgo, "3"), Comparison.Of("LastFollowUpAt", IsEmpty)))),
        ("征信关注池", "征信有逾期（少量或当前）、仍在跟进的线索",
            ConditionGroup.AllOf(Comparison.Of("CreditStatus", In, "MinorLate", "Overdue"), Comparison.Of("Status", EqualTo, "Active"))),
    ];
}
