using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Tests.Automation;

public sealed class AutomationRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static AutomationRule Rule(TriggerKind trigger, int amount = 0, TimeUnit unit = TimeUnit.Days, string? field = null, Guid? stage = null,
        params AutomationAction[] actions) => new()
    {
        Name = "规则", Trigger = trigger, TriggerAmount = amount, TriggerUnit = unit, TriggerField = field, TriggerStageId = stage, Condition = ConditionGroup.AllOf(),
        Actions = actions.Length == 0 ? [new AutomationAction(ActionKind.AddTag, Value: "X")] : [.. actions],
    };

    private static Lead Lead(DateTimeOffset created) => new() { Number = "L1", Name = "张三", CreatedAt = created };

    [Fact]
    public void An_event_triggers_rules_of_its_kind_field_and_stage_only_while_enabled()
    {
        var stage = Guid.NewGuid();
        Assert.True(AutomationTriggers.Matches(Rule(TriggerKind.LeadCreated), TriggerKind.LeadCreated, null));
        Assert.False(AutomationTriggers.Matches(Rule(TriggerKind.LeadCreated), TriggerKind.FollowUpLogged, null));
        Assert.True(AutomationTriggers.Matches(Rule(TriggerKind.FieldChanged, field: "City"), TriggerKind.FieldChanged, "City"));
        Assert.False(AutomationTriggers.Matches(Rule(TriggerKind.FieldChanged, field: "City"), TriggerKind.FieldChanged, "Intent"));
        Assert.True(AutomationTriggers.Matches(Rule(TriggerKind.StageChanged), TriggerKind.StageChanged, Guid.NewGuid().ToString()));
        Assert.True(AutomationTriggers.Matches(Rule(TriggerKind.StageChanged, stage: stage), TriggerKind.StageChanged, stage.ToString()));
        Assert.False(AutomationTriggers.Matches(Rule(TriggerKind.StageChanged, stage: stage), TriggerKind.StageChanged, Guid.NewGuid().ToString()));
        var off = Rule(TriggerKind.LeadCreated);
        off.IsEnabled = false;
        Assert.False(AutomationTriggers.Matches(off, TriggerKind.LeadCreated, null));
        Assert.False(AutomationTriggers.Matches(Rule(TriggerKind.NoFollowUpFor, 3), TriggerKind.NoFollowUpFor, null));
    }

    [Fact]
    public void No_follow_up_is_keyed_by_the_last_contact_so_a_new_follow_up_makes_a_new_occurrence()
    {
        var rule = Rule(TriggerKind.NoFollowUpFor, 3);
        var lead = Lead(Now.AddDays(-5));
        var first = AutomationTriggers.Due(rule, lead, Now);
        Assert.NotNull(first);
        Assert.Equal(lead.CreatedAt, first.At);

        lead.LastFollowUpAt = Now.AddDays(-1);
        Assert.Null(AutomationTriggers.Due(rule, lead, Now));
        var later = AutomationTriggers.Due(rule, lead, Now.AddDays(3));
        Assert.NotNull(later);
        Assert.NotEqual(first.Key, later.Key);
        Assert.Equal(later, AutomationTriggers.Due(rule, lead, Now.AddDays(4)));

        lead.Status = LeadStatus.PublicPool;
        Assert.Null(AutomationTriggers.Due(rule, lead, Now.AddDays(4)));
    }

    [Fact]
    public void Overdue_days_in_stage_and_date_fields_have_their_own_keys_and_thresholds()
    {
        var lead = Lead(Now.AddDays(-30));
        lead.NextFollowUpAt = Now.AddHours(-3);
        Assert.NotNull(AutomationTriggers.Due(Rule(TriggerKind.FollowUpOverdue, 2, TimeUnit.Hours), lead, Now));
        Assert.Null(AutomationTriggers.Due(Rule(TriggerKind.FollowUpOverdue, 4, TimeUnit.Hours), lead, Now));

        var stage = Guid.NewGuid();
        lead.EnterStage(stage, Now.AddDays(-8));
        Assert.NotNull(AutomationTriggers.Due(Rule(TriggerKind.DaysInStage, 7, stage: stage), lead, Now));
        Assert.Null(AutomationTriggers.Due(Rule(TriggerKind.DaysInStage, 7, stage: Guid.NewGuid()), lead, Now));

        var date = Rule(TriggerKind.DateFieldIn, 3, field: "cf_x");
        var today = LoanSaaS.Domain.Time.Shanghai.DateOf(Now);
        Assert.Equal("d:" + today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), AutomationTriggers.Due(date, lead, Now, today.AddDays(2))!.Key);
        Assert.Null(AutomationTriggers.Due(date, lead, Now, today.AddDays(4)));
        Assert.Null(AutomationTriggers.Due(date, lead, Now, today.AddDays(-1)));
    }

    [Fact]
    public void A_time_based_rule_leaves_the_backlog_due_before_it_was_turned_on_alone()
    {
        var rule = Rule(TriggerKind.NoFollowUpFor, 3);
        rule.ActiveSince = Now;
        Assert.Null(AutomationTriggers.Due(rule, Lead(Now.AddDays(-10)), Now));
        var fresh = Lead(Now.AddDays(-2));
        Assert.Null(AutomationTriggers.Due(rule, fresh, Now));
        Assert.NotNull(AutomationTriggers.Due(rule, fresh, Now.AddDays(1)));

        var date = Rule(TriggerKind.DateFieldIn, 3, field: "cf_x");
        date.ActiveSince = Now;
        var today = LoanSaaS.Domain.Time.Shanghai.DateOf(Now);
        Assert.Null(AutomationTriggers.Due(date, fresh, Now, today.AddDays(2)));
        Assert.NotNull(AutomationTriggers.Due(date, fresh, Now, today.AddDays(3)));
    }

    [Fact]
    public void The_loop_guard_allows_five_levels_of_rules_and_stops_the_sixth()
    {
        Assert.True(LoopGuard.Allows(0));
        Assert.True(LoopGuard.Allows(LoopGuard.MaxDepth - 1));
        Assert.False(LoopGuard.Allows(LoopGuard.MaxDepth));
        Assert.Equal(5, Enumerable.Range(0, 10).TakeWhile(LoopGuard.Allows).Count());
    }

    [Fact]
    public void A_rule_needs_a_name_actions_and_parameters_that_fit_each_action()
    {
        static string Codes(AutomationRule rule) => string.Join(",", AutomationRuleChecks.Check(rule).Select(e => $"{e.Field}.{e.Code}"));

        Assert.Equal("", Codes(Rule(TriggerKind.LeadCreated)));
        Assert.Equal("Name.Required,Actions.Required", Codes(new AutomationRule { Name = " ", Condition = ConditionGroup.AllOf() }));
        Assert.Equal("TriggerField.Required", Codes(Rule(TriggerKind.FieldChanged)));
        Assert.Equal("TriggerAmount.OutOfRange", Codes(Rule(TriggerKind.NoFollowUpFor, 0)));
        Assert.Equal("TriggerAmount.OutOfRange", Codes(Rule(TriggerKind.NoFollowUpFor, 366)));
        Assert.Equal("", Codes(Rule(TriggerKind.FollowUpOverdue, 0, TimeUnit.Hours)));
        Assert.Equal("TriggerAmount.Invalid", Codes(Rule(TriggerKind.DateFieldIn, 3, TimeUnit.Hours, field: "cf_x")));

        Assert.Equal("Actions.0.Target,Actions.1.Hours,Actions.2.Target,Actions.3.ValueRequired,Actions.4.FieldRequired,Actions.5.TooLong,Actions.6.Target,Actions.7.Target",
            Codes(Rule(TriggerKind.LeadCreated, actions:
            [
                new(ActionKind.Notify, "someone"), new(ActionKind.CreateTask, Value: "回访", Hours: 721), new(ActionKind.SendSms, "boss", "hi"),
                new(ActionKind.SendEmail, "owner"), new(ActionKind.SetField), new(ActionKind.AddTag, Value: new string('x', LeadTag.MaxLength + 1)),
                new(ActionKind.MoveStage, "not-a-stage"), new(ActionKind.Assign, "team:nope"),
            ])));
        Assert.Equal("", Codes(Rule(TriggerKind.LeadCreated, actions:
        [
            new(ActionKind.Notify, "role:manager"), new(ActionKind.Notify, "manager", "{姓名}"), new(ActionKind.CreateTask, Value: "回访", Hours: 0),
            new(ActionKind.SendSms, "lead", "您好 {姓名}"), new(ActionKind.SendEmail, "user:abc", "x"), new(ActionKind.SetField, Field: "City", Value: "上海"),
            new(ActionKind.RemoveTag, Value: "X"), new(ActionKind.MoveStage, Guid.NewGuid().ToString()), new(ActionKind.Assign, "rules"),
            new(ActionKind.Assign, "team:" + Guid.NewGuid()),
        ])));
        Assert.Equal("Actions.TooMany", Codes(Rule(TriggerKind.LeadCreated, actions: [.. Enumerable.Repeat(new AutomationAction(ActionKind.AddTag, Value: "X"), 11)])));
    }

    [Fact]
    public void Templates_fill_the_placeholders()
    {
        Assert.Equal("张三(L1) 由 李四 跟进，上海，规则 R", MessageTemplate.Fill("{姓名}({编号}) 由 {负责人} 跟进，{城市}，规则 {规则}", "张三", "L1", "李四", "上海", "R"));
        Assert.Equal("您好 王五，负责人：", MessageTemplate.Fill("您好 {姓名}，负责人：{负责人}", "王五", "L2", null, null, "R"));
    }
}
