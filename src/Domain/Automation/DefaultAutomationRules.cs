namespace LoanSaaS.Domain.Automation;

/// <summary>Rules every new agency starts with, from the seed documents.</summary>
public static class DefaultAutomationRules
{
    /// <summary>跟进状态 3 天未更新 → 提醒负责人并抄送主管.</summary>
    public static AutomationRule StaleFollowUp(DateTimeOffset now) => new()
    {
        Name = "3 天未跟进提醒", Trigger = TriggerKind.NoFollowUpFor, TriggerAmount = 3, TriggerUnit = TimeUnit.Days,
        Condition = ConditionGroup.AllOf(Comparison.Of("OwnerId", ConditionOperator.IsNotEmpty)),
        Actions =
        [
            new AutomationAction(ActionKind.Notify, "owner", "{姓名} 已 3 天未跟进，请尽快联系"),
            new AutomationAction(ActionKind.Notify, "manager", "{负责人} 的线索 {姓名} 已 3 天未跟进"),
        ],
        ActiveSince = now, CreatedAt = now, UpdatedAt = now, Version = 1,
    };
}
