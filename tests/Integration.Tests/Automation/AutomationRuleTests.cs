using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Appointments;
using LoanSaaS.Infrastructure.Automation;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Outbox;
using LoanSaaS.Integration.Tests.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Domain.Automation.ConditionOperator;
using static LoanSaaS.Integration.Tests.Automation.AutomationWorld;

namespace LoanSaaS.Integration.Tests.Automation;

/// <summary>
/// 自动化规则: event rules fire from every use case through the one choke point, time-based rules fire once per
/// occurrence at a moved clock, two app nodes draining at once run each event once, loops stop at five levels, actions take effect
/// (outbox included), the dry run counts what SQL counts, and another agency reaches none of it.
/// </summary>
public abstract class AutomationRuleTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<long> VersionAsync(AppHost app, LeadListWorld w, Guid lead)
    {
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        return await db.Leads.AsNoTracking().Where(l => l.Id == lead).Select(l => l.Version).SingleAsync();
    }

    private static async Task<List<string>> TagsAsync(AppHost app, LeadListWorld w, Guid lead)
    {
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        return await db.LeadTags.AsNoTracking().Where(t => t.LeadId == lead).Select(t => t.Tag).ToListAsync();
    }

    [Fact]
    public async Task Every_event_trigger_fires_from_its_use_case()
    {
        var w = await LeadListWorld.CreateAsync(app, "autoev");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var mine = ConditionGroup.AllOf(Comparison.Of("City", Contains, "事件城"));
        var created = await owner.SaveAsync(Rule("新建", TriggerKind.LeadCreated, mine, new AutomationAction(ActionKind.AddTag, Value: "新建")));
        var changed = await owner.SaveAsync(Rule("意向变", TriggerKind.FieldChanged, mine, new AutomationAction(ActionKind.AddTag, Value: "意向变")) with { TriggerField = "Intent" });
        var moved = await owner.SaveAsync(Rule("移阶段", TriggerKind.StageChanged, mine, new AutomationAction(ActionKind.AddTag, Value: "移阶段")));
        var assigned = await owner.SaveAsync(Rule("分配", TriggerKind.Assigned, mine, new AutomationAction(ActionKind.AddTag, Value: "已分配")));
        var logged = await owner.SaveAsync(Rule("跟进", TriggerKind.FollowUpLogged, mine,
            new AutomationAction(ActionKind.AddTag, Value: "已跟进"), new AutomationAction(ActionKind.Notify, "manager", "{负责人} 跟进了 {姓名}")));
        var booked = await owner.SaveAsync(Rule("约访", TriggerKind.AppointmentScheduled, mine, new AutomationAction(ActionKind.AddTag, Value: "约访")));

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var added = await sales.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = w.Prefix + "事件", Mobile = TestIds.Mobile(), City = "事件城" }), Ct);
        var lead = added.LeadId!.Value;
        await app.RunsAsync(w, created, r => r.Count == 1);

        Assert.True((await sales.Get<UpdateLeadInline>().HandleAsync(new LeadInlineEdit(lead, await VersionAsync(app, w, lead), IntentLevel.A, await TagsAsync(app, w, lead)), Ct)).Succeeded);
        await app.RunsAsync(w, changed, r => r.Count == 1);

        Guid stage;
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var current = (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead)).StageId;
            stage = (await db.FunnelStages.AsNoTracking().SingleAsync(s => s.Key == "screening")).Id;
            Assert.NotEqual(stage, current);
        }
        Assert.True((await sales.Get<MoveCard>().HandleAsync(new MoveCardRequest(lead, stage, await VersionAsync(app, w, lead)), Ct)).Succeeded);
        await app.RunsAsync(w, moved, r => r.Count == 1);

        Assert.True((await owner.Get<AssignLead>().HandleAsync(new AssignLeadRequest(lead, w.Manager.UserId, "换人"), Ct)).Succeeded);
        await app.RunsAsync(w, assigned, r => r.Count == 1);

        await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.Manager.UserId);
        Assert.True((await manager.Get<LogFollowUp>().HandleAsync(new LogFollowUpRequest(lead, Domain.FollowUps.FollowUpChannel.Phone, "电话沟通", Domain.FollowUps.FollowUpOutcome.Interested, null), Ct)).Succeeded);
        await app.RunsAsync(w, logged, r => r.Count == 1);

        var at = LoanSaaS.Domain.Time.Shanghai.StartOfDayUtc(LoanSaaS.Domain.Time.Shanghai.Today(TimeProvider.System).AddDays(3)).AddHours(15);
        var visit = await manager.Get<ScheduleAppointment>().HandleAsync(new ScheduleAppointmentRequest(null, 0, lead, AppointmentKind.OfficeVisit, at, 60, "总部", null, [w.Manager.UserId], 30), Ct);
        Assert.True(visit.Succeeded, string.Join(",", visit.Errors.Select(e => $"{e.Field}.{e.Code}")));
        await app.RunsAsync(w, booked, r => r.Count == 1);
        await app.QuietAsync(w);

        Assert.Equal(["已分配", "已跟进", "意向变", "新建", "移阶段", "约访"], (await TagsAsync(app, w, lead)).Order(StringComparer.Ordinal));
        await using var check = app.OpenAgencyDb(w.Agency.Info);
        // The follow-up rule told the owner's manager — the lead is the manager's own now, so the agency's owner hears instead.
        var notice = await check.Notifications.AsNoTracking().Where(n => n.LeadId == lead && n.Kind == NotificationKind.AutomationNotice).ToListAsync();
        Assert.NotEmpty(notice);
        Assert.All(notice, n => Assert.StartsWith("跟进｜", n.Subject));
        var audit = await check.AuditEntries.AsNoTracking().Where(a => a.EntityId == lead.ToString() && a.ActorName == "自动化规则“新建”").ToListAsync();
        Assert.Single(audit);
        // Leads outside the condition trigger nothing.
        Assert.DoesNotContain(await check.AutomationRuns.AsNoTracking().Select(r => r.LeadId).ToListAsync(), id => id == w["甲"]);
    }

    [Fact]
    public async Task A_time_based_rule_fires_once_per_occurrence_and_again_after_a_new_follow_up()
    {
        var w = await LeadListWorld.CreateAsync(app, "autotime");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var rule = await owner.SaveAsync(Rule("三天未跟进", TriggerKind.NoFollowUpFor, ConditionGroup.AllOf(Comparison.Of("OwnerId", EqualTo, w.SalesB.UserId)),
            new AutomationAction(ActionKind.Notify, "owner", "{姓名} 3 天未跟进"), new AutomationAction(ActionKind.Notify, "manager")) with { TriggerAmount = 3 });
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(0, await app.TimeRulesAt(now.AddDays(2)).HandleAsync(w.Agency.Info, Ct));
        await app.TimeRulesAt(now.AddDays(4)).HandleAsync(w.Agency.Info, Ct);
        await app.TimeRulesAt(now.AddDays(5)).HandleAsync(w.Agency.Info, Ct);
        var runs = await app.RunsAsync(w, rule, r => r.Count == 1);
        Assert.Equal((w["乙"], RunResult.Done), (runs[0].LeadId, runs[0].Result));

        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var notices = await db.Notifications.AsNoTracking().Where(n => n.LeadId == w["乙"] && n.Subject!.StartsWith("三天未跟进")).ToListAsync();
            // The owner, and (sales B's team has no manager) the agency's owner.
            Assert.Equal(new[] { w.SalesB.UserId, w.Agency.OwnerUserId }.Order(StringComparer.Ordinal), notices.Select(n => n.UserId).Order(StringComparer.Ordinal));
        }

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);
        Assert.True((await sales.LogAt(now.AddDays(5)).HandleAsync(new LogFollowUpRequest(w["乙"], Domain.FollowUps.FollowUpChannel.Phone, "回访", Domain.FollowUps.FollowUpOutcome.Interested, null), Ct)).Succeeded);
        await app.TimeRulesAt(now.AddDays(7)).HandleAsync(w.Agency.Info, Ct);
        Assert.Single(await app.RunsAsync(w, rule, r => r.Count >= 1));
        await app.TimeRulesAt(now.AddDays(8.5)).HandleAsync(w.Agency.Info, Ct);
        await app.TimeRulesAt(now.AddDays(9)).HandleAsync(w.Agency.Info, Ct);
        runs = await app.RunsAsync(w, rule, r => r.Count == 2);
        Assert.NotEqual(runs[0].OccurrenceKey, runs[1].OccurrenceKey);
    }

    [Fact]
    public async Task Two_app_nodes_draining_and_sweeping_at_once_run_each_event_and_occurrence_once()
    {
        var w = await LeadListWorld.CreateAsync(app, "autoonce");
        await using var other = app.StartAnotherNode();
        IServiceProvider?[] nodes = [null, other.Services, null, other.Services];
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var created = await owner.SaveAsync(Rule("批量新建", TriggerKind.LeadCreated, ConditionGroup.AllOf(Comparison.Of("City", EqualTo, "并发城")),
            new AutomationAction(ActionKind.Notify, "owner")));
        var inputs = Enumerable.Range(0, 60).Select(i => new LeadInput { Name = w.Prefix + "并" + i, Mobile = TestIds.Mobile(), City = "并发城" }).ToArray();
        var drains = nodes.Select(node => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await app.Drainer(node).HandleAsync(w.Agency.Info, Ct);
                await Task.Delay(50);
            }
        })).ToList();
        await owner.Get<CaptureLeads>().HandleAsync(inputs, new CaptureOptions(LeadChannel.Import, Infrastructure.Audit.AuditActor.System, DuplicatePolicy.Skip) { OwnerId = w.SalesA.UserId }, Ct);
        await Task.WhenAll(drains);
        var runs = await app.RunsAsync(w, created, r => r.Count == 60);
        Assert.Equal(60, runs.Select(r => r.LeadId).Distinct().Count());
        await app.QuietAsync(w);
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
            Assert.Equal(60, await db.Notifications.CountAsync(n => n.UserId == w.SalesA.UserId && n.Kind == NotificationKind.AutomationNotice));

        var stale = await owner.SaveAsync(Rule("停滞", TriggerKind.NoFollowUpFor, ConditionGroup.AllOf(Comparison.Of("City", EqualTo, "并发城")),
            new AutomationAction(ActionKind.AddTag, Value: "停滞")) with { TriggerAmount = 1 });
        var later = DateTimeOffset.UtcNow.AddDays(2);
        await Task.WhenAll(nodes.Select(node => Task.Run(() => app.TimeRulesAt(later, node).HandleAsync(w.Agency.Info, Ct))));
        Assert.Equal(60, (await app.RunsAsync(w, stale, r => r.Count == 60)).Select(r => r.LeadId).Distinct().Count());
    }

    [Fact]
    public async Task Two_rules_triggering_each_other_stop_at_five_levels_and_say_so()
    {
        var w = await LeadListWorld.CreateAsync(app, "autoloop");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var ping = await owner.SaveAsync(Rule("乒", TriggerKind.FieldChanged, ConditionGroup.AllOf(Comparison.Of("Tags", Contains, "ping")),
            new AutomationAction(ActionKind.RemoveTag, Value: "ping"), new AutomationAction(ActionKind.AddTag, Value: "pong")) with { TriggerField = "Tags" });
        var pong = await owner.SaveAsync(Rule("乓", TriggerKind.FieldChanged, ConditionGroup.AllOf(Comparison.Of("Tags", Contains, "pong")),
            new AutomationAction(ActionKind.RemoveTag, Value: "pong"), new AutomationAction(ActionKind.AddTag, Value: "ping")) with { TriggerField = "Tags" });

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var lead = w["戊"];
        Assert.True((await sales.Get<UpdateLeadInline>().HandleAsync(new LeadInlineEdit(lead, await VersionAsync(app, w, lead), IntentLevel.A, ["ping"]), Ct)).Succeeded);
        await app.RunsAsync(w, pong, r => r.Any(x => x.Result == RunResult.LoopStopped));
        await app.QuietAsync(w);

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var runs = await db.AutomationRuns.AsNoTracking().Where(r => r.RuleId == ping || r.RuleId == pong).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(5, runs.Count(r => r.Result == RunResult.Done));
        var stopped = Assert.Single(runs, r => r.Result == RunResult.LoopStopped);
        Assert.Equal((LoopGuard.Stopped, 6), (stopped.Error, stopped.Depth));
        // The fifth run's change was not answered: the lead holds what the last allowed run left.
        Assert.Equal(["pong"], await TagsAsync(app, w, lead));
        var page = (await owner.Get<ListAutomationRuns>().HandleAsync(pong, 0, Ct)).Value!;
        Assert.Contains(page.Items, r => r.Result == RunResult.LoopStopped && r.Error == LoopGuard.Stopped && r.LeadName == w.Prefix + "戊");
    }

    [Fact]
    public async Task Actions_set_fields_tag_move_create_a_to_do_notify_and_send_through_the_outbox_and_a_refused_one_keeps_nothing()
    {
        var w = await LeadListWorld.CreateAsync(app, "autoact");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        Guid screening, qualification;
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            screening = (await db.FunnelStages.SingleAsync(s => s.Key == "screening")).Id;
            qualification = (await db.FunnelStages.SingleAsync(s => s.Key == "qualification")).Id;
        }
        var rule = await owner.SaveAsync(Rule("新线索处理", TriggerKind.LeadCreated, ConditionGroup.AllOf(Comparison.Of("City", EqualTo, "动作城")),
            new AutomationAction(ActionKind.SetField, Field: "Intent", Value: "B"),
            new AutomationAction(ActionKind.SetField, Field: "AmountWan", Value: "30"),
            new AutomationAction(ActionKind.AddTag, Value: "自动"),
            new AutomationAction(ActionKind.MoveStage, screening.ToString()),
            new AutomationAction(ActionKind.CreateTask, Value: "首次电话 {姓名}", Hours: 2),
            new AutomationAction(ActionKind.Notify, "owner", "新线索 {姓名}"),
            new AutomationAction(ActionKind.SendSms, "lead", "{姓名}您好，{负责人}将为您服务"),
            new AutomationAction(ActionKind.SendEmail, "owner", "新线索 {编号}")));
        var refused = await owner.SaveAsync(Rule("进审核", TriggerKind.LeadCreated, ConditionGroup.AllOf(Comparison.Of("City", EqualTo, "动作城")),
            new AutomationAction(ActionKind.AddTag, Value: "不该有"), new AutomationAction(ActionKind.MoveStage, qualification.ToString())));

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var mobile = TestIds.Mobile();
        var lead = (await sales.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = w.Prefix + "动作", Mobile = mobile, City = "动作城" }), Ct)).LeadId!.Value;
        Assert.Equal(RunResult.Done, (await app.RunsAsync(w, rule, r => r.Count == 1))[0].Result);
        var failed = (await app.RunsAsync(w, refused, r => r.Count == 1))[0];
        Assert.Equal((RunResult.Failed, "Stage.MissingFields"), (failed.Result, failed.Error));

        await using var db2 = app.OpenAgencyDb(w.Agency.Info);
        var saved = await db2.Leads.AsNoTracking().Include(l => l.Tags).SingleAsync(l => l.Id == lead);
        Assert.Equal((IntentLevel.B, 30m, screening), (saved.Intent!.Value, saved.AmountWan!.Value, saved.StageId!.Value));
        Assert.Equal(["自动"], saved.Tags.Select(t => t.Tag).ToArray());
        Assert.NotNull(saved.NextFollowUpAt);
        Assert.Contains((await sales.Get<ListMyTasks>().HandleAsync(true, Ct)).Items, t => t.LeadId == lead);
        var kinds = await db2.Notifications.AsNoTracking().Where(n => n.LeadId == lead && n.UserId == w.SalesA.UserId).Select(n => n.Kind).ToListAsync();
        Assert.Contains(NotificationKind.AutomationTask, kinds);
        Assert.Contains(NotificationKind.AutomationNotice, kinds);
        Assert.True(await db2.LeadStageChanges.AnyAsync(c => c.LeadId == lead && c.ToStageId == screening && c.MovedByName == "自动化规则“新线索处理”"));
        var timeline = (await sales.Get<GetLeadTimeline>().HandleAsync(lead, Ct)).Value!;
        Assert.Contains(timeline, e => e.Kind == "task" && e.ActorName == "自动化规则“新线索处理”" && e.Data["note"] == "首次电话 " + w.Prefix + "动作");
        Assert.Contains(timeline, e => e.Kind == "updated" && e.ActorName == "自动化规则“新线索处理”");

        // The outbox: sealed recipients, delivered by the local channel, shown masked.
        var until = DateTime.UtcNow.AddSeconds(20);
        List<OutboxMessage> messages;
        do
        {
            messages = await db2.OutboxMessages.AsNoTracking().Where(m => m.LeadId == lead).ToListAsync();
            if (messages.Count == 2 && messages.All(m => m.Status == OutboxStatus.Sent)) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < until);
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Sent], messages.Select(m => m.Status));
        var sms = messages.Single(m => m.Channel == OutboxChannel.Sms);
        Assert.Equal($"{w.Prefix}动作您好，{w.SalesA.FullName}将为您服务", sms.Body);
        Assert.DoesNotContain(mobile, sms.Recipient.Masked);
        var listed = await owner.Get<ListOutboxMessages>().HandleAsync(0, Ct);
        Assert.Contains(listed.Items, m => m.Id == sms.Id && m.RecipientMasked == sms.Recipient.Masked && m.RuleName == "新线索处理");
        var mailbox = Path.Combine(app.DataDirectory, "outbox", w.Agency.Info.Slug);
        var written = string.Concat(Directory.GetFiles(mailbox).Select(File.ReadAllText));
        Assert.Contains(sms.Recipient.Masked!, written);
        Assert.DoesNotContain(mobile[3..], written);
        await using var sales2 = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales2.Get<ListOutboxMessages>().HandleAsync(0, Ct));
    }

    [Fact]
    public async Task The_assign_action_hands_the_lead_to_a_member_a_team_or_by_the_assignment_rules()
    {
        var w = await LeadListWorld.CreateAsync(app, "autoasg");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        Guid teamTwo;
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
            teamTwo = (await db.Users.AsNoTracking().SingleAsync(u => u.Id == w.SalesB.UserId)).TeamId!.Value;
        await owner.SaveAsync(Rule("给B", TriggerKind.LeadCreated, ConditionGroup.AllOf(Comparison.Of("City", EqualTo, "成员城")), new AutomationAction(ActionKind.Assign, "user:" + w.SalesB.UserId)));
        await owner.SaveAsync(Rule("给二组", TriggerKind.LeadCreated, ConditionGroup.AllOf(Comparison.Of("City", EqualTo, "团队城")), new AutomationAction(ActionKind.Assign, "team:" + teamTwo)));
        await owner.Get<Infrastructure.Assignment.SaveAssignmentRule>().HandleAsync(new Infrastructure.Assignment.SaveAssignmentRuleRequest(null, 0, "规则城给经理",
            ConditionGroup.AllOf(Comparison.Of("City", EqualTo, "规则城")), Domain.Assignment.AssignmentTarget.Members, [new Domain.Assignment.AssignmentMember(w.Manager.UserId)], null,
            Domain.Assignment.AssignmentStrategy.RoundRobin), Ct);
        var byRules = await owner.SaveAsync(Rule("按规则", TriggerKind.LeadCreated, ConditionGroup.AllOf(Comparison.Of("City", EqualTo, "规则城")), new AutomationAction(ActionKind.Assign, "rules")));

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        async Task<Guid> AddAsync(string city) =>
            (await sales.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = w.Prefix + city, Mobile = TestIds.Mobile(), City = city }), Ct)).LeadId!.Value;
        var toMember = await AddAsync("成员城");
        var toTeam = await AddAsync("团队城");
        var toRules = await AddAsync("规则城");
        await app.RunsAsync(w, byRules, r => r.Count == 1);
        await app.QuietAsync(w);

        await using var check = app.OpenAgencyDb(w.Agency.Info);
        var owners = await check.Leads.AsNoTracking().Where(l => l.Id == toMember || l.Id == toTeam || l.Id == toRules).ToDictionaryAsync(l => l.Id, l => (l.OwnerId, l.TeamId));
        Assert.Equal((w.SalesB.UserId, teamTwo), owners[toMember]);
        // Sales B is team two's only member.
        Assert.Equal(w.SalesB.UserId, owners[toTeam].OwnerId);
        Assert.Equal(w.Manager.UserId, owners[toRules].OwnerId);
        Assert.True(await check.Notifications.AnyAsync(n => n.LeadId == toMember && n.UserId == w.SalesB.UserId && n.Kind == NotificationKind.LeadAssigned));
        var timeline = (await owner.Get<GetLeadTimeline>().HandleAsync(toMember, Ct)).Value!;
        Assert.Contains(timeline, e => e.Kind == "assigned" && e.ActorName == "自动化规则“给B”" && e.Data["to"] == w.SalesB.FullName);
    }

    [Fact]
    public async Task The_dry_run_counts_what_sql_counts_and_rules_are_validated_with_version_tokens()
    {
        var w = await LeadListWorld.CreateAsync(app, "autodry");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var intentA = await owner.SaveAsync(Rule("A 级", TriggerKind.FollowUpLogged, ConditionGroup.AllOf(Comparison.Of("Intent", EqualTo, "A")),
            new AutomationAction(ActionKind.AddTag, Value: "A")));
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var expected = await db.Leads.CountAsync(l => l.Intent == IntentLevel.A && l.Status == LeadStatus.Active);
            var dry = (await owner.Get<DryRunAutomationRule>().HandleAsync(intentA, Ct)).Value!;
            Assert.Equal(expected, dry.Count);
            Assert.Equal(2, dry.Count);
            Assert.Equal([w.Prefix + "戊", w.Prefix + "甲"], dry.First.Select(l => l.Name).Order(StringComparer.Ordinal).ToArray().Order(StringComparer.Ordinal));
        }
        var stale = await owner.SaveAsync(Rule("两天", TriggerKind.NoFollowUpFor, ConditionGroup.AllOf(Comparison.Of("OwnerId", EqualTo, w.SalesA.UserId)),
            new AutomationAction(ActionKind.AddTag, Value: "x")) with { TriggerAmount = 2, TriggerUnit = TimeUnit.Hours });
        // Nothing is two hours stale yet.
        Assert.Equal(0, (await owner.Get<DryRunAutomationRule>().HandleAsync(stale, Ct)).Value!.Count);

        string Codes(Result<Guid> r) => string.Join(",", r.Errors.Select(e => $"{e.Field}.{e.Code}"));
        var save = owner.Get<SaveAutomationRule>();
        Assert.Equal("Name.Required,Actions.Required", Codes(await save.HandleAsync(Rule(" ", TriggerKind.LeadCreated, null), Ct)));
        Assert.Equal("TriggerField.Unknown", Codes(await save.HandleAsync(Rule("x", TriggerKind.FieldChanged, null, new AutomationAction(ActionKind.AddTag, Value: "t")) with { TriggerField = "Nope" }, Ct)));
        Assert.Equal("Actions.0.Value.Invalid", Codes(await save.HandleAsync(Rule("x", TriggerKind.LeadCreated, null, new AutomationAction(ActionKind.SetField, Field: "Intent", Value: "Z")), Ct)));
        Assert.Equal("Actions.0.FieldNotSettable", Codes(await save.HandleAsync(Rule("x", TriggerKind.LeadCreated, null, new AutomationAction(ActionKind.SetField, Field: "OwnerId", Value: "x")), Ct)));
        Assert.Equal("Actions.0.UnknownStage", Codes(await save.HandleAsync(Rule("x", TriggerKind.LeadCreated, null, new AutomationAction(ActionKind.MoveStage, Guid.NewGuid().ToString())), Ct)));
        Assert.Equal("Actions.0.UnknownMember", Codes(await save.HandleAsync(Rule("x", TriggerKind.LeadCreated, null, new AutomationAction(ActionKind.Notify, "user:nobody")), Ct)));
        Assert.StartsWith("Condition", Codes(await save.HandleAsync(Rule("x", TriggerKind.LeadCreated, Comparison.Of("Nope", EqualTo, "1"), new AutomationAction(ActionKind.AddTag, Value: "t")), Ct)));

        var change = owner.Get<ChangeAutomationRule>();
        Assert.True((await change.HandleAsync(intentA, 1, AutomationRuleChange.Disable, Ct)).Succeeded);
        Assert.Equal(".ChangedByOthers", string.Join(",", (await change.HandleAsync(intentA, 1, AutomationRuleChange.Enable, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));
        Assert.Equal(".ChangedByOthers", Codes(await save.HandleAsync(Rule("A 级", TriggerKind.FollowUpLogged, null, new AutomationAction(ActionKind.AddTag, Value: "A")) with { RuleId = intentA, Version = 1 }, Ct)));
        Assert.False((await owner.Get<ListAutomationRules>().HandleAsync(Ct)).Rules.Single(r => r.Rule.Id == intentA).Rule.IsEnabled);
        Assert.True((await change.HandleAsync(intentA, 2, AutomationRuleChange.Archive, Ct)).Succeeded);
        Assert.DoesNotContain((await owner.Get<ListAutomationRules>().HandleAsync(Ct)).Rules, r => r.Rule.Id == intentA);

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ListAutomationRules>().HandleAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<DryRunAutomationRule>().HandleAsync(stale, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<SaveAutomationRule>().HandleAsync(Rule("越权", TriggerKind.LeadCreated, null, new AutomationAction(ActionKind.AddTag, Value: "t")), Ct));
    }

    [Fact]
    public async Task Another_agency_can_neither_list_see_runs_change_dry_run_nor_trigger_the_rules_and_the_rules_never_touch_its_leads()
    {
        var w = await LeadListWorld.CreateAsync(app, "autoiso");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var rule = await owner.SaveAsync(Rule("全部打标", TriggerKind.LeadCreated, null, new AutomationAction(ActionKind.AddTag, Value: "A社")));

        var b = await app.ProvisionAgencyAsync(TestIds.Slug("autoisob"));
        await using var ownerB = await app.OwnerScopeAsync(b);
        string Codes(IReadOnlyList<FieldError> errors) => string.Join(",", errors.Select(e => $"{e.Field}.{e.Code}"));
        Assert.DoesNotContain((await ownerB.Get<ListAutomationRules>().HandleAsync(Ct)).Rules, r => r.Rule.Id == rule);
        Assert.Equal("Rule.NotFound", Codes((await ownerB.Get<ListAutomationRuns>().HandleAsync(rule, 0, Ct)).Errors));
        Assert.Equal("Rule.NotFound", Codes((await ownerB.Get<DryRunAutomationRule>().HandleAsync(rule, Ct)).Errors));
        Assert.Equal("Rule.NotFound", Codes((await ownerB.Get<ChangeAutomationRule>().HandleAsync(rule, 1, AutomationRuleChange.Disable, Ct)).Errors));
        Assert.Equal("Rule.NotFound", Codes((await ownerB.Get<ChangeAutomationRule>().HandleAsync(rule, 1, AutomationRuleChange.Archive, Ct)).Errors));
        Assert.Equal("Rule.NotFound", Codes((await ownerB.Get<SaveAutomationRule>().HandleAsync(
            Rule("劫持", TriggerKind.LeadCreated, null, new AutomationAction(ActionKind.AddTag, Value: "t")) with { RuleId = rule, Version = 1 }, Ct)).Errors));
        Assert.Equal("Actions.0.UnknownMember", Codes((await ownerB.Get<SaveAutomationRule>().HandleAsync(
            Rule("挖人", TriggerKind.LeadCreated, null, new AutomationAction(ActionKind.Notify, "user:" + w.SalesA.UserId)), Ct)).Errors));
        Assert.Empty((await ownerB.Get<ListOutboxMessages>().HandleAsync(0, Ct)).Items);

        // B's new lead: A's rule is not triggered, nothing of A runs on it.
        var bLead = (await ownerB.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = "乙社线索", Mobile = TestIds.Mobile() }), Ct)).LeadId!.Value;
        var aLead = (await owner.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = w.Prefix + "甲社", Mobile = TestIds.Mobile() }), Ct)).LeadId!.Value;
        var runs = await app.RunsAsync(w, rule, r => r.Count == 1);
        Assert.Equal(aLead, runs[0].LeadId);
        await using var dbB = app.OpenAgencyDb(b.Info);
        Assert.Empty(await dbB.LeadTags.AsNoTracking().Where(t => t.LeadId == bLead).ToListAsync());
        Assert.False(await dbB.AutomationRuns.AnyAsync(r => r.RuleId == rule));
        await using var dbA = app.OpenAgencyDb(w.Agency.Info);
        Assert.False((await dbA.AutomationRules.AsNoTracking().SingleAsync(r => r.Id == rule)).IsArchived);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAutomationRuleTests(SqliteAppHost app) : AutomationRuleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAutomationRuleTests(PostgresAppHost app) : AutomationRuleTests(app);
