using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Reclaim;

/// <summary>The tiered rules every new agency starts with: A/B intent leads are given longer than the others.</summary>
public static class DefaultReclaimRules
{
    public static IReadOnlyList<ReclaimRule> All(DateTimeOffset now) =>
    [
        new ReclaimRule
        {
            Name = "A/B 意向线索", Order = 0, Condition = ConditionGroup.AllOf(Comparison.Of("Intent", ConditionOperator.In, nameof(IntentLevel.A), nameof(IntentLevel.B))),
            NotContactedHours = 24, NoFollowUpDays = 7, NoStageAdvanceDays = 15, WarnHoursBefore = 4, CreatedAt = now, UpdatedAt = now, Version = 1,
        },
        new ReclaimRule
        {
            Name = "其他线索", Order = 1, Condition = ConditionGroup.AllOf(),
            NotContactedHours = 24, NoFollowUpDays = 3, NoStageAdvanceDays = 7, WarnHoursBefore = 4, CreatedAt = now, UpdatedAt = now, Version = 1,
        },
    ];
}
