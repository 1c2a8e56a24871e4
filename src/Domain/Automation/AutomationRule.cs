namespace LoanSaaS.Domain.Automation;

/// <summary>
/// 自动化规则: when <see cref="Trigger"/> happens to a lead (an event, or a time threshold passing) and the lead meets
/// <see cref="Condition"/>, <see cref="Actions"/> run in order. Every run is logged (<see cref="AutomationRun"/>) once
/// per rule, lead and occurrence.
/// </summary>
public sealed class AutomationRule
{
    public const int MaxNameLength = 30;
    public const int MaxActions = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public bool IsEnabled { get; set; } = true;
    public TriggerKind Trigger { get; set; }
    /// <summary>The field of <see cref="TriggerKind.FieldChanged"/> or <see cref="TriggerKind.DateFieldIn"/>: a condition field key (built-in or <c>cf_…</c>).</summary>
    public string? TriggerField { get; set; }
    /// <summary>The stage a <see cref="TriggerKind.StageChanged"/> waits for (null: any stage) or a <see cref="TriggerKind.DaysInStage"/> counts in (null: any).</summary>
    public Guid? TriggerStageId { get; set; }
    /// <summary>N of a time-based trigger, in <see cref="TriggerUnit"/>.</summary>
    public int TriggerAmount { get; set; }
    public TimeUnit TriggerUnit { get; set; } = TimeUnit.Days;
    public required ConditionNode Condition { get; set; }
    public List<AutomationAction> Actions { get; set; } = [];
    /// <summary>
    /// When the rule (its trigger as it is) was turned on: a time-based rule acts on occurrences that come due from
    /// then on, never on the backlog that was already due (enabling "no follow-up for 1 day" on 50,000 stale leads sends nothing at once).
    /// </summary>
    public DateTimeOffset ActiveSince { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool IsArchived { get; set; }
    public long Version { get; set; }

    public bool IsTimeBased => AutomationTriggers.IsTimeBased(Trigger);
}

public enum TriggerKind
{
    /// <summary>新线索: a lead was captured by any channel.</summary>
    LeadCreated,
    /// <summary>字段变化: <see cref="AutomationRule.TriggerField"/> changed.</summary>
    FieldChanged,
    /// <summary>阶段变化: the card moved (to <see cref="AutomationRule.TriggerStageId"/> when set).</summary>
    StageChanged,
    /// <summary>分配: the lead got an owner (by hand, by claim or by the assignment rules).</summary>
    Assigned,
    /// <summary>写跟进: a follow-up was logged.</summary>
    FollowUpLogged,
    /// <summary>预约上门: a visit was booked or moved.</summary>
    AppointmentScheduled,
    /// <summary>N 小时/天未跟进: since the last follow-up (or creation when none).</summary>
    NoFollowUpFor,
    /// <summary>下次跟进逾期 N 小时/天 (N may be 0).</summary>
    FollowUpOverdue,
    /// <summary>停留阶段 N 天.</summary>
    DaysInStage,
    /// <summary>日期字段 N 天后到期: from N days before a date field's day until that day.</summary>
    DateFieldIn,
}

public enum TimeUnit { Hours, Days }

/// <summary>
/// One step of a rule. Parameters by kind: <see cref="Target"/> names who or where ("owner", "manager", "user:{id}",
/// "role:{Role}", "team:{id}", "rules", "lead", a stage id), <see cref="Value"/> the text (message, template, tag, field
/// value, task note), <see cref="Field"/> the field set, <see cref="Hours"/> a task's due time from now.
/// </summary>
public sealed record AutomationAction(ActionKind Kind, string? Target = null, string? Value = null, string? Field = null, int? Hours = null);

public enum ActionKind
{
    /// <summary>站内提醒 (live): the owner, the owner's manager, a member or everyone of a role.</summary>
    Notify,
    /// <summary>创建待办: the lead's next follow-up for its owner, due in <see cref="AutomationAction.Hours"/>, with a note.</summary>
    CreateTask,
    /// <summary>短信: to the lead or its owner, through the notification outbox.</summary>
    SendSms,
    /// <summary>邮件: to the owner or a member, through the notification outbox.</summary>
    SendEmail,
    /// <summary>设置字段: a built-in field or one of the agency's own.</summary>
    SetField,
    AddTag,
    RemoveTag,
    /// <summary>移动阶段: under the same rules as a board move.</summary>
    MoveStage,
    /// <summary>分配: by the assignment rules, to a member, or to a team (fewest open leads first).</summary>
    Assign,
}

/// <summary>How a rule ran for one lead and occurrence.</summary>
public enum RunResult
{
    Done,
    /// <summary>Nothing to do (the lead is closed, the actions changed nothing).</summary>
    Skipped,
    /// <summary>An action was refused; nothing of the run was kept. <see cref="AutomationRun.Error"/> says why.</summary>
    Failed,
    /// <summary>Rules triggered each other more than <see cref="LoopGuard.MaxDepth"/> levels deep; nothing was done.</summary>
    LoopStopped,
}
