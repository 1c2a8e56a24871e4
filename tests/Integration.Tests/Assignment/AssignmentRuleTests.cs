using LoanSaaS.Domain.Assignment;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Assignment;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Imports;
using LoanSaaS.Integration.Tests.Leads;
using LoanSaaS.Tenancy.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Integration.Tests.Assignment;

/// <summary>
/// 线索分配: ordered rules hand new leads from every channel to members (or the public pool) by strategy, skip members
/// away or full, spread an import fairly, record the history on the timeline and tell the owner live; reassigning by
/// hand needs a reason; another agency reaches none of it.
/// </summary>
public abstract class AssignmentRuleTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static SaveAssignmentRuleRequest Rule(string name, ConditionNode condition, AssignmentTarget target, AssignmentStrategy strategy, params string[] members) =>
        new(null, 0, name, condition, target, members.Select(m => new AssignmentMember(m)).ToList(), null, strategy);

    private static async Task<Guid> SaveAsync(MemberScope owner, SaveAssignmentRuleRequest request)
    {
        var saved = await owner.Get<SaveAssignmentRule>().HandleAsync(request, Ct);
        Assert.True(saved.Succeeded, string.Join(",", saved.Errors.Select(e => $"{e.Field}.{e.Code}")));
        return saved.Value;
    }

    private static async Task<IReadOnlyList<CaptureResult>> ArriveAsync(MemberScope scope, LeadChannel channel, params LeadInput[] inputs) =>
        await scope.Get<CaptureLeads>().HandleAsync(inputs, new CaptureOptions(channel, AuditActor.System, DuplicatePolicy.Skip) { AutoAssign = true }, Ct);

    [Fact]
    public async Task A_web_form_lead_goes_to_the_first_matching_rule_its_owner_hears_at_once_and_the_timeline_says_which_rule()
    {
        var w = await LeadListWorld.CreateAsync(app, "asg");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        await SaveAsync(owner, Rule("杭州线索", Comparison.Of("City", Contains, "杭州"), AssignmentTarget.Members, AssignmentStrategy.RoundRobin, w.SalesB.UserId));
        await SaveAsync(owner, Rule("上海官网线索", ConditionGroup.AllOf(Comparison.Of("Source", EqualTo, "web-form"), Comparison.Of("City", Contains, "上海")),
            AssignmentTarget.Members, AssignmentStrategy.RoundRobin, w.SalesA.UserId));
        var heard = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<ILiveEvents>().Subscribe(NotificationEvents.Topic(w.Agency.Info.Id, w.SalesA.UserId),
            m => { heard.TrySetResult(m); return Task.CompletedTask; });

        var result = (await ArriveAsync(owner, LeadChannel.WebForm,
            new LeadInput { Name = w.Prefix + "官网", Mobile = TestIds.Mobile(), City = "上海", Source = "官网表单" }))[0];

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == result.LeadId);
        Assert.Equal((w.SalesA.UserId, LeadStatus.Active), (lead.OwnerId, lead.Status));
        Assert.NotNull(lead.TeamId);
        Assert.Equal(NotificationKind.LeadAssigned, (await db.Notifications.SingleAsync(n => n.UserId == w.SalesA.UserId && n.LeadId == lead.Id)).Kind);
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var entry = (await sales.Get<GetLeadTimeline>().HandleAsync(lead.Id, Ct)).Value!.Single(e => e.Kind == "ruleassigned");
        Assert.Equal(("上海官网线索", w.SalesA.FullName), (entry.Data["rule"], entry.Data["to"]));

        // Nothing matches: the public pool, as before rules existed; a member's own entry keeps its typist as owner.
        var unmatched = (await ArriveAsync(owner, LeadChannel.WebForm, new LeadInput { Name = w.Prefix + "无", Mobile = TestIds.Mobile(), City = "成都" }))[0];
        Assert.Equal(LeadStatus.PublicPool, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == unmatched.LeadId)).Status);
        var typed = await sales.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = w.Prefix + "自录", Mobile = TestIds.Mobile(), City = "杭州" }), Ct);
        Assert.Equal(w.SalesA.UserId, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == typed.LeadId)).OwnerId);
        var auto = await owner.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = w.Prefix + "自动", Mobile = TestIds.Mobile(), City = "杭州" }, AutoAssign: true), Ct);
        Assert.Equal(w.SalesB.UserId, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == auto.LeadId)).OwnerId);
        Assert.True(auto.Visible);
        // A team manager's entry the rules give to another team: created, and said to be out of their sight.
        await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.Manager.UserId);
        var elsewhere = await manager.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = w.Prefix + "别组", Mobile = TestIds.Mobile(), City = "杭州" }, AutoAssign: true), Ct);
        Assert.True(elsewhere.Succeeded);
        Assert.False(elsewhere.Visible);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            sales.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = w.Prefix + "越权", Mobile = TestIds.Mobile() }, AutoAssign: true), Ct));
    }

    [Fact]
    public async Task An_import_is_spread_evenly_over_the_team_and_records_each_assignment()
    {
        var w = await LeadListWorld.CreateAsync(app, "asgimp");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        Guid team;
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
            team = (await db.Users.SingleAsync(u => u.Id == w.SalesA.UserId)).TeamId!.Value;
        await SaveAsync(owner, new SaveAssignmentRuleRequest(null, 0, "一组轮流", ConditionGroup.AllOf(), AssignmentTarget.Team, [], team, AssignmentStrategy.RoundRobin));

        var rows = Enumerable.Range(0, 301).Select(i => (IReadOnlyList<string?>)[w.Prefix + "导" + i, TestIds.Mobile()]).ToList();
        var (content, name) = ImportFiles.Build(ImportFiles.Kind.CsvUtf8, ["姓名", "手机"], rows);
        var uploaded = await ImportDriver.UploadOkAsync(owner, content, name);
        var started = await owner.Get<Infrastructure.Imports.StartLeadImport>().HandleAsync(
            new Infrastructure.Imports.StartLeadImportRequest(uploaded.ImportId, uploaded.Mapping, DuplicatePolicy.Skip, null, AutoAssign: true), Ct);
        Assert.True(started.Succeeded);
        Assert.Equal(301, (await ImportDriver.WaitAsync(owner, uploaded.ImportId)).Created);

        await using var check = app.OpenAgencyDb(w.Agency.Info);
        var owners = await check.Leads.AsNoTracking().Where(l => l.ImportId == uploaded.ImportId).GroupBy(l => l.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        // Team one: the manager and sales A.
        Assert.Equal(2, owners.Count);
        Assert.All(owners, o => Assert.Contains(o.Key, new[] { w.Manager.UserId, w.SalesA.UserId }));
        Assert.InRange(Math.Abs(owners[0].Count - owners[1].Count), 0, 1);
        Assert.Equal(301, await check.Leads.CountAsync(l => l.ImportId == uploaded.ImportId && l.AssignedRuleId != null));
        // One notification per member for the whole import, with the count.
        var notice = await check.Notifications.SingleAsync(n => n.UserId == w.SalesA.UserId && n.Kind == NotificationKind.LeadsAssigned);
        Assert.Equal(owners.Single(o => o.Key == w.SalesA.UserId).Count.ToString(System.Globalization.CultureInfo.InvariantCulture), notice.Subject);
    }

    [Fact]
    public async Task Members_on_leave_or_at_the_holding_cap_are_passed_by_and_a_rule_with_nobody_left_passes_the_lead_on()
    {
        var w = await LeadListWorld.CreateAsync(app, "asgcap");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        await SaveAsync(owner, Rule("主力", ConditionGroup.AllOf(), AssignmentTarget.Members, AssignmentStrategy.RoundRobin, w.SalesA.UserId, w.SalesB.UserId));
        await SaveAsync(owner, Rule("兜底", ConditionGroup.AllOf(), AssignmentTarget.Members, AssignmentStrategy.LeastLoaded, w.Manager.UserId));
        var availability = owner.Get<SetAssignmentAvailability>();
        Assert.True((await availability.HandleAsync(w.SalesA.UserId, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), Ct)).Succeeded);

        var first = await ArriveAsync(owner, LeadChannel.WebForm, [.. Enumerable.Range(0, 4).Select(i => new LeadInput { Name = w.Prefix + "休" + i, Mobile = TestIds.Mobile() })]);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var firstOwners = await db.Leads.AsNoTracking().Where(l => first.Select(r => r.LeadId).Contains(l.Id)).Select(l => l.OwnerId).ToListAsync();
        Assert.All(firstOwners, o => Assert.Equal(w.SalesB.UserId, o));

        // Sales B holds 乙 and the four above: a cap of 5 sends the next one past them to the fallback rule.
        Assert.Equal("HoldingCap.Invalid", string.Join(",", (await availability.SetHoldingCapAsync(0, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));
        Assert.True((await availability.SetHoldingCapAsync(5, Ct)).Succeeded);
        var next = (await ArriveAsync(owner, LeadChannel.WebForm, new LeadInput { Name = w.Prefix + "满", Mobile = TestIds.Mobile() }))[0];
        Assert.Equal(w.Manager.UserId, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == next.LeadId)).OwnerId);
        Assert.Equal(5, (await owner.Get<ListAssignmentRules>().HandleAsync(Ct)).HoldingCap);
    }

    [Fact]
    public async Task Claiming_from_the_public_pool_stops_at_the_daily_claim_cap_and_at_the_holding_cap()
    {
        var w = await LeadListWorld.CreateAsync(app, "asgclaim");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var pooled = await ArriveAsync(owner, LeadChannel.WebForm, [.. Enumerable.Range(0, 4).Select(i => new LeadInput { Name = w.Prefix + "池" + i, Mobile = TestIds.Mobile() })]);
        var availability = owner.Get<SetAssignmentAvailability>();
        Assert.True((await availability.SetDailyClaimCapAsync(2, Ct)).Succeeded);
        Assert.Equal("DailyClaimCap.Invalid", string.Join(",", (await availability.SetDailyClaimCapAsync(-1, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));

        await using var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);
        var claim = salesB.Get<ClaimLead>();
        Assert.True((await claim.HandleAsync(pooled[0].LeadId!.Value, Ct)).Succeeded);
        Assert.True((await claim.HandleAsync(pooled[1].LeadId!.Value, Ct)).Succeeded);
        Assert.Equal("Lead.DailyClaimCap", string.Join(",", (await claim.HandleAsync(pooled[2].LeadId!.Value, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));

        // Sales A holds 甲 (戊 is a customer, 己 blacklisted): a holding cap of 1 stops their first claim.
        Assert.True((await availability.SetDailyClaimCapAsync(null, Ct)).Succeeded);
        Assert.True((await availability.SetHoldingCapAsync(1, Ct)).Succeeded);
        await using var salesA = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        Assert.Equal("Lead.HoldingCap", string.Join(",", (await salesA.Get<ClaimLead>().HandleAsync(pooled[3].LeadId!.Value, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(LeadStatus.PublicPool, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == pooled[3].LeadId)).Status);
        var list = await owner.Get<ListAssignmentRules>().HandleAsync(Ct);
        Assert.Equal((1, (int?)null), (list.HoldingCap!.Value, list.DailyClaimCap));
    }

    [Fact]
    public async Task Taking_a_lead_from_its_owner_by_hand_needs_a_reason_which_the_timeline_keeps()
    {
        var w = await LeadListWorld.CreateAsync(app, "asgman");
        await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.Manager.UserId);
        var assign = manager.Get<AssignLead>();

        Assert.Equal("Reason.Required", string.Join(",", (await assign.HandleAsync(new AssignLeadRequest(w["甲"], w.Manager.UserId), Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));
        Assert.True((await assign.HandleAsync(new AssignLeadRequest(w["甲"], w.Manager.UserId, "客户要求资深顾问跟进"), Ct)).Succeeded);
        Assert.True((await assign.HandleAsync(new AssignLeadRequest(w["丁"], w.SalesA.UserId), Ct)).Succeeded);

        var entry = (await manager.Get<GetLeadTimeline>().HandleAsync(w["甲"], Ct)).Value!.First(e => e.Kind == "assigned");
        Assert.Equal("客户要求资深顾问跟进", entry.Data["reason"]);
    }

    [Fact]
    public async Task Rules_applied_on_demand_to_chosen_leads_move_them_with_a_reason_skip_what_is_out_of_reach_and_never_cross_agencies()
    {
        var w = await LeadListWorld.CreateAsync(app, "asgsel");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        await SaveAsync(owner, Rule("A 类给乙", Comparison.Of("Intent", EqualTo, "A"), AssignmentTarget.Members, AssignmentStrategy.RoundRobin, w.SalesB.UserId));
        await SaveAsync(owner, Rule("超大额进公海", Comparison.Of("AmountWan", GreaterOrEqual, "100"), AssignmentTarget.PublicPool, AssignmentStrategy.RoundRobin));
        var chosen = new[] { w["甲"], w["乙"], w["丙"], w["丁"], w["戊"], w["己"], Guid.NewGuid() };
        await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.Manager.UserId);
        var apply = manager.Get<ApplyAssignmentRules>();

        Assert.Equal("Reason.Required", Codes(await apply.HandleAsync(new ApplyAssignmentRulesRequest(chosen), Ct)));
        Assert.Equal("LeadIds.Empty", Codes(await apply.HandleAsync(new ApplyAssignmentRulesRequest([], "x"), Ct)));
        Assert.Equal("LeadIds.TooMany", Codes(await apply.HandleAsync(
            new ApplyAssignmentRulesRequest(Enumerable.Range(0, ApplyAssignmentRules.MaxLeads + 1).Select(_ => Guid.NewGuid()).ToList(), "x"), Ct)));
        var done = await apply.HandleAsync(new ApplyAssignmentRulesRequest(chosen, "月底重新分配"), Ct);

        // 甲 → sales B by the first rule; 丙 (150 万) → pool; 丁 matches nothing and stays; 乙 (team two, out of the manager's
        // scope), the customer, the blacklisted and an unknown id are skipped.
        Assert.Equal(new ApplyAssignmentRulesResult(1, 1, 0, 1, 4), done.Value);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var leads = await db.Leads.AsNoTracking().Where(l => chosen.Contains(l.Id)).ToDictionaryAsync(l => l.Id);
        Assert.Equal((w.SalesB.UserId, LeadStatus.Active), (leads[w["甲"]].OwnerId, leads[w["甲"]].Status));
        Assert.Equal(((string?)null, LeadStatus.PublicPool), (leads[w["丙"]].OwnerId, leads[w["丙"]].Status));
        Assert.Equal(w.SalesB.UserId, leads[w["乙"]].OwnerId);
        Assert.Null(leads[w["甲"]].AssignedRuleId);
        Assert.Equal(NotificationKind.LeadAssigned, (await db.Notifications.SingleAsync(n => n.UserId == w.SalesB.UserId && n.LeadId == w["甲"])).Kind);
        var entry = (await owner.Get<GetLeadTimeline>().HandleAsync(w["甲"], Ct)).Value!.First(e => e.Kind == "assigned");
        Assert.Equal(("A 类给乙", "月底重新分配", w.SalesB.FullName), (entry.Data["rule"], entry.Data["reason"], entry.Data["to"]));

        // Applied again, the rules keep 甲 where it is.
        Assert.Equal(new ApplyAssignmentRulesResult(0, 0, 1, 0, 0), (await owner.Get<ApplyAssignmentRules>().HandleAsync(new ApplyAssignmentRulesRequest([w["甲"]], "复核"), Ct)).Value);
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ApplyAssignmentRules>().HandleAsync(new ApplyAssignmentRulesRequest([w["乙"]], "x"), Ct));

        // Another agency, with a rule of its own, reaches none of A's leads.
        var b = await app.ProvisionAgencyAsync(TestIds.Slug("asgselb"));
        await using var ownerB = await app.OwnerScopeAsync(b);
        await SaveAsync(ownerB, Rule("全部进公海", ConditionGroup.AllOf(), AssignmentTarget.PublicPool, AssignmentStrategy.RoundRobin));
        Assert.Equal(new ApplyAssignmentRulesResult(0, 0, 0, 0, chosen.Length), (await ownerB.Get<ApplyAssignmentRules>().HandleAsync(new ApplyAssignmentRulesRequest(chosen, "x"), Ct)).Value);
        Assert.Equal(w.SalesB.UserId, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == w["甲"])).OwnerId);
    }

    private static string Codes(Result result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));

    [Fact]
    public async Task Rules_are_checked_and_only_settings_managers_of_the_same_agency_change_them()
    {
        var w = await LeadListWorld.CreateAsync(app, "asgchk");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var save = owner.Get<SaveAssignmentRule>();
        async Task<string> RefusedAsync(SaveAssignmentRuleRequest request) => string.Join(",", (await save.HandleAsync(request, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}"));

        Assert.Equal("Name.Required", await RefusedAsync(Rule(" ", ConditionGroup.AllOf(), AssignmentTarget.PublicPool, AssignmentStrategy.RoundRobin)));
        Assert.Equal("Members.Required", await RefusedAsync(Rule("空", ConditionGroup.AllOf(), AssignmentTarget.Members, AssignmentStrategy.RoundRobin)));
        Assert.Equal("Condition.0.UnknownField", await RefusedAsync(Rule("坏", ConditionGroup.AllOf(Comparison.Of("Salary", EqualTo, "1")), AssignmentTarget.PublicPool, AssignmentStrategy.RoundRobin)));
        var id = await SaveAsync(owner, Rule("全部进公海", ConditionGroup.AllOf(), AssignmentTarget.PublicPool, AssignmentStrategy.RoundRobin));
        var change = owner.Get<ChangeAssignmentRule>();
        Assert.True((await change.HandleAsync(id, 1, RuleChange.Disable, Ct)).Succeeded);
        Assert.Equal(".ChangedByOthers", string.Join(",", (await change.HandleAsync(id, 1, RuleChange.Enable, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));
        Assert.False((await owner.Get<ListAssignmentRules>().HandleAsync(Ct)).Rules.Single(r => r.Id == id).IsEnabled);

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<SaveAssignmentRule>().HandleAsync(Rule("越权", ConditionGroup.AllOf(), AssignmentTarget.PublicPool, AssignmentStrategy.RoundRobin), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ChangeAssignmentRule>().HandleAsync(id, 2, RuleChange.Archive, Ct));

        var b = await app.ProvisionAgencyAsync(TestIds.Slug("asgb"));
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.Empty((await ownerB.Get<ListAssignmentRules>().HandleAsync(Ct)).Rules);
        Assert.DoesNotContain((await ownerB.Get<ListAssignmentRules>().HandleAsync(Ct)).Members, m => m.UserId == w.SalesA.UserId);
        Assert.Equal("Rule.NotFound", string.Join(",", (await ownerB.Get<ChangeAssignmentRule>().HandleAsync(id, 2, RuleChange.Archive, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));
        Assert.Equal("Rule.NotFound", string.Join(",", (await ownerB.Get<SaveAssignmentRule>().HandleAsync(
            Rule("劫持", ConditionGroup.AllOf(), AssignmentTarget.PublicPool, AssignmentStrategy.RoundRobin) with { RuleId = id, Version = 2 }, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));
        Assert.Equal("Members.Unknown", string.Join(",", (await ownerB.Get<SaveAssignmentRule>().HandleAsync(
            Rule("挖人", ConditionGroup.AllOf(), AssignmentTarget.Members, AssignmentStrategy.RoundRobin, w.SalesA.UserId), Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));
        Assert.Equal("Member.NotFound", string.Join(",", (await ownerB.Get<SetAssignmentAvailability>().HandleAsync(w.SalesA.UserId, null, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}")));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.False((await db.AssignmentRules.AsNoTracking().SingleAsync(r => r.Id == id)).IsArchived);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAssignmentRuleTests(SqliteAppHost app) : AssignmentRuleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAssignmentRuleTests(PostgresAppHost app) : AssignmentRuleTests(app);
