using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Reclaim;
using LoanSaaS.Integration.Tests.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Integration.Tests.Reclaim;

/// <summary>
/// 公海回收: the reclaim pass at a moved clock warns owners once and takes back exactly the leads past a limit of the
/// first rule that covers them, keeping their history and telling owner and manager; a follow-up in time saves a lead;
/// two nodes act once; rules are checked and versioned; another agency reaches none of it.
/// </summary>
public abstract class ReclaimTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static SaveReclaimRuleRequest Rule(string name, ConditionNode condition, int? hours = null, int? days = null, int? stageDays = null, int warn = 0) =>
        new(null, 0, name, condition, hours, days, stageDays, warn);

    private static string Codes<T>(Result<T> result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));

    private static string Codes(Result result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));

    /// <summary>The agency's rules become exactly <paramref name="rules"/> (its default ones deleted).</summary>
    private static async Task OnlyAsync(MemberScope owner, params SaveReclaimRuleRequest[] rules)
    {
        foreach (var old in await owner.Get<ListReclaimRules>().HandleAsync(Ct))
            Assert.True((await owner.Get<ChangeReclaimRule>().HandleAsync(old.Id, old.Version, RuleChange.Archive, Ct)).Succeeded);
        foreach (var rule in rules)
        {
            var saved = await owner.Get<SaveReclaimRule>().HandleAsync(rule, Ct);
            Assert.True(saved.Succeeded, Codes(saved));
        }
    }

    private async Task<ReclaimRun> PassAsync(Agency agency, DateTimeOffset now, IServiceProvider? services = null)
    {
        await using var scope = (services ?? app.Services).CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReclaimLeads>().HandleAsync(agency.Info, now, Ct);
    }

    private async Task<DateTimeOffset> AssignedAtAsync(LeadListWorld w, string key)
    {
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        return (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == w[key])).AssignedAt!.Value;
    }

    private async Task<Lead> LeadAsync(LeadListWorld w, string key)
    {
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        return await db.Leads.AsNoTracking().SingleAsync(l => l.Id == w[key]);
    }

    private async Task FollowUpAsync(LeadListWorld w, string userId, string key, DateTimeOffset at)
    {
        await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
        Assert.True((await scope.LogAt(at).HandleAsync(new LogFollowUpRequest(w[key], FollowUpChannel.Phone, "电话沟通", FollowUpOutcome.Interested, null), Ct)).Succeeded);
    }

    [Fact]
    public async Task The_first_rule_covering_a_lead_decides_its_owner_is_warned_once_and_the_reclaimed_lead_keeps_its_history()
    {
        var w = await LeadListWorld.CreateAsync(app, "rcl");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        await OnlyAsync(owner,
            Rule("A/B 意向", Comparison.Of("Intent", In, "A", "B"), hours: 48, warn: 4),
            Rule("其他线索", ConditionGroup.AllOf(), hours: 24, warn: 4));
        var t0 = await AssignedAtAsync(w, "甲");
        await FollowUpAsync(w, w.SalesB.UserId, "乙", t0.AddHours(1));
        var noIntent = await app.LeadOwnedByAsync(w.Agency, w.SalesB.UserId);

        // 丙 (intent C) and a lead without intent fall to the second rule: warned from 20 h, once.
        Assert.Equal(new ReclaimRun(2, 0), await PassAsync(w.Agency, t0.AddHours(21)));
        Assert.Equal(new ReclaimRun(0, 0), await PassAsync(w.Agency, t0.AddHours(22)));
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var deadline = await sales.Get<GetReclaimDeadline>().HandleAsync(w["甲"], Ct);
        Assert.Equal(("A/B 意向", ReclaimLimit.NotContacted, 48), (deadline!.RuleName, deadline.Deadline.Limit, deadline.Deadline.Amount));
        Assert.Null(await sales.Get<GetReclaimDeadline>().HandleAsync(w["丁"], Ct));
        Assert.Null(await sales.Get<GetReclaimDeadline>().HandleAsync(w["乙"], Ct));

        Assert.Equal(new ReclaimRun(0, 2), await PassAsync(w.Agency, t0.AddHours(25)));
        Assert.Equal((LeadStatus.PublicPool, (string?)null, (Guid?)null), ((await LeadAsync(w, "丙")).Status, (await LeadAsync(w, "丙")).OwnerId, (await LeadAsync(w, "丙")).TeamId));
        Assert.Equal(LeadStatus.Active, (await LeadAsync(w, "甲")).Status);

        // 甲 (intent A) has 48 h: warned at 45 h, taken back at 49 h; 乙 was contacted; pool, customer and blacklisted untouched.
        Assert.Equal(new ReclaimRun(1, 0), await PassAsync(w.Agency, t0.AddHours(45)));
        Assert.Equal(new ReclaimRun(0, 1), await PassAsync(w.Agency, t0.AddHours(49)));
        Assert.Equal(new ReclaimRun(0, 0), await PassAsync(w.Agency, t0.AddDays(30)));
        Assert.Equal((LeadStatus.Active, w.SalesB.UserId), ((await LeadAsync(w, "乙")).Status, (await LeadAsync(w, "乙")).OwnerId));
        Assert.Equal(LeadStatus.PublicPool, (await LeadAsync(w, "丁")).Status);
        Assert.Equal((LeadStatus.Active, w.SalesA.UserId), ((await LeadAsync(w, "戊")).Status, (await LeadAsync(w, "戊")).OwnerId));
        Assert.Equal(LeadStatus.Blacklisted, (await LeadAsync(w, "己")).Status);

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var notices = await db.Notifications.AsNoTracking().Where(n => n.LeadId == w["甲"]).ToListAsync();
        var warning = Assert.Single(notices, n => n.Kind == NotificationKind.LeadReclaimWarning);
        Assert.Equal((w.SalesA.UserId, "NotContacted:48", (DateTimeOffset?)t0.AddHours(48)), (warning.UserId, warning.Detail, warning.DueAt));
        Assert.Equal(new[] { w.Manager.UserId, w.SalesA.UserId }.Order(), notices.Where(n => n.Kind == NotificationKind.LeadReclaimed).Select(n => n.UserId).Order());
        // 丙's owner is the team's manager: the agency's owner hears instead.
        Assert.Equal(new[] { w.Agency.OwnerUserId, w.Manager.UserId }.Order(),
            await db.Notifications.AsNoTracking().Where(n => n.LeadId == w["丙"] && n.Kind == NotificationKind.LeadReclaimed).Select(n => n.UserId).OrderBy(u => u).ToListAsync());

        var timeline = (await sales.Get<GetLeadTimeline>().HandleAsync(w["甲"], Ct)).Value!;
        var reclaimed = Assert.Single(timeline, e => e.Kind == "reclaimed");
        Assert.Equal(("A/B 意向", "NotContacted", "48", w.SalesA.FullName, (string?)null), (reclaimed.Data["rule"], reclaimed.Data["limit"], reclaimed.Data["amount"], reclaimed.Data["from"], reclaimed.ActorName));
        Assert.Contains(timeline, e => e.Kind == "created");
        Assert.True((await owner.Get<VerifyAuditChain>().HandleAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task No_follow_up_and_no_stage_advance_reclaim_the_right_leads_and_a_follow_up_after_the_warning_saves_one()
    {
        var w = await LeadListWorld.CreateAsync(app, "rcld");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        await OnlyAsync(owner, Rule("全部线索", ConditionGroup.AllOf(), days: 3, stageDays: 5, warn: 4));
        var t0 = await AssignedAtAsync(w, "甲");
        await FollowUpAsync(w, w.SalesA.UserId, "甲", t0.AddHours(1));
        await FollowUpAsync(w, w.SalesB.UserId, "乙", t0.AddDays(2));

        // At 70 h: 丙 (no follow-up, due at 72 h) and 甲 (due at 73 h) are warned; 甲's owner calls.
        Assert.Equal(new ReclaimRun(2, 0), await PassAsync(w.Agency, t0.AddHours(70)));
        await FollowUpAsync(w, w.SalesA.UserId, "甲", t0.AddHours(70.5));

        Assert.Equal(new ReclaimRun(0, 1), await PassAsync(w.Agency, t0.AddHours(74)));
        Assert.Equal(LeadStatus.PublicPool, (await LeadAsync(w, "丙")).Status);
        Assert.Equal(LeadStatus.Active, (await LeadAsync(w, "甲")).Status);

        // Day 5: 甲 has not moved stage (limit 5 days) though followed up; 乙's last follow-up was 3 days ago.
        Assert.Equal(new ReclaimRun(0, 2), await PassAsync(w.Agency, t0.AddHours(121)));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var limits = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "lead.reclaimed").ToListAsync();
        string LimitOf(string key) => LeadTimelineDetails.Parse(limits.Single(a => a.EntityId == w[key].ToString()).Details).Data["limit"];
        Assert.Equal(("NoFollowUp", "NoStageAdvance", "NoFollowUp"), (LimitOf("丙"), LimitOf("甲"), LimitOf("乙")));
        Assert.Equal(AuditActor.System.Name, limits[0].ActorName);

        // A reclaimed lead claimed again gets a full period from the claim.
        await using var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);
        Assert.True((await salesB.Get<ClaimLead>().HandleAsync(w["甲"], Ct)).Succeeded);
        var claimedAt = (await LeadAsync(w, "甲")).AssignedAt!.Value;
        Assert.Equal(new ReclaimRun(0, 0), await PassAsync(w.Agency, claimedAt.AddDays(2)));
    }

    [Fact]
    public async Task Two_nodes_running_the_pass_at_once_warn_and_reclaim_each_lead_once()
    {
        var w = await LeadListWorld.CreateAsync(app, "rcl2");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        await OnlyAsync(owner, Rule("全部线索", ConditionGroup.AllOf(), hours: 24, warn: 4));
        await using (var scope = await TenantScope.BeginAsync(app, w.Agency))
            await scope.Get<CaptureLeads>().HandleAsync(Enumerable.Range(0, 8).Select(i => new LeadInput { Name = $"{w.Prefix}批{i}", Mobile = TestIds.Mobile() }).ToList(),
                new CaptureOptions(LeadChannel.Manual, AuditActor.System, DuplicatePolicy.Skip) { OwnerId = w.SalesA.UserId }, Ct);
        var t0 = await AssignedAtAsync(w, "甲");
        await using var node = app.StartAnotherNode();

        async Task<ReclaimRun> BothAsync(DateTimeOffset now) =>
            (await Task.WhenAll(PassAsync(w.Agency, now), PassAsync(w.Agency, now, node.Services), PassAsync(w.Agency, now), PassAsync(w.Agency, now, node.Services)))
            .Aggregate((a, b) => a + b);

        // 甲, 乙, 丙 and the eight: eleven owned, active, not customers.
        Assert.Equal(new ReclaimRun(11, 0), await BothAsync(t0.AddHours(22)));
        Assert.Equal(new ReclaimRun(0, 11), await BothAsync(t0.AddHours(26)));

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var reclaims = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "lead.reclaimed").GroupBy(a => a.EntityId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(11, reclaims.Count);
        Assert.All(reclaims, n => Assert.Equal(1, n));
        Assert.Equal(11, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.LeadReclaimWarning));
        Assert.Equal(11, await db.Leads.CountAsync(l => l.Status == LeadStatus.PublicPool && l.Name.StartsWith(w.Prefix) && l.Name != w.Prefix + "丁"));
    }

    [Fact]
    public async Task Rules_are_checked_versioned_and_out_of_reach_of_other_agencies_whose_passes_never_touch_these_leads()
    {
        var w = await LeadListWorld.CreateAsync(app, "rclchk");
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        Assert.Equal(["A/B 意向线索", "其他线索"], (await owner.Get<ListReclaimRules>().HandleAsync(Ct)).Select(r => r.Name));
        var save = owner.Get<SaveReclaimRule>();
        Assert.Equal("Name.Required", Codes(await save.HandleAsync(Rule(" ", ConditionGroup.AllOf(), hours: 24), Ct)));
        Assert.Equal("Limits.Required", Codes(await save.HandleAsync(Rule("无条件", ConditionGroup.AllOf()), Ct)));
        Assert.Equal("NotContactedHours.Range,NoFollowUpDays.Range", Codes(await save.HandleAsync(Rule("超限", ConditionGroup.AllOf(), hours: 0, days: 400), Ct)));
        Assert.Equal("WarnHoursBefore.Range", Codes(await save.HandleAsync(Rule("提醒", ConditionGroup.AllOf(), hours: 24, warn: 100), Ct)));
        Assert.Equal("Condition.0.UnknownField", Codes(await save.HandleAsync(Rule("坏", ConditionGroup.AllOf(Comparison.Of("Salary", EqualTo, "1")), hours: 24), Ct)));

        var id = (await save.HandleAsync(Rule("抵押贷", Comparison.Of("LoanType", EqualTo, "抵押贷"), days: 10, warn: 8), Ct)).Value;
        var change = owner.Get<ChangeReclaimRule>();
        Assert.True((await change.HandleAsync(id, 1, RuleChange.MoveUp, Ct)).Succeeded);
        Assert.Equal(["A/B 意向线索", "抵押贷", "其他线索"], (await owner.Get<ListReclaimRules>().HandleAsync(Ct)).Select(r => r.Name));
        var version = (await owner.Get<ListReclaimRules>().HandleAsync(Ct)).Single(r => r.Id == id).Version;
        Assert.True((await change.HandleAsync(id, version, RuleChange.Disable, Ct)).Succeeded);
        Assert.Equal(".ChangedByOthers", Codes(await change.HandleAsync(id, version, RuleChange.Enable, Ct)));
        Assert.Equal(".ChangedByOthers", Codes(await save.HandleAsync(Rule("抵押贷", ConditionGroup.AllOf(), days: 9) with { RuleId = id, Version = version }, Ct)));
        Assert.True((await save.HandleAsync(Rule("抵押贷线索", ConditionGroup.AllOf(), days: 9) with { RuleId = id, Version = version + 1 }, Ct)).Succeeded);
        await using (var audit = app.OpenAgencyDb(w.Agency.Info))
            Assert.Equal(["reclaim.created", "reclaim.moveup", "reclaim.disable", "reclaim.changed"],
                await audit.AuditEntries.AsNoTracking().Where(a => a.EntityType == "reclaim" && a.EntityId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ListReclaimRules>().HandleAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<SaveReclaimRule>().HandleAsync(Rule("越权", ConditionGroup.AllOf(), hours: 1), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ChangeReclaimRule>().HandleAsync(id, version + 2, RuleChange.Archive, Ct));

        // Agency B: sees its own default rules only, and cannot change, rename or delete A's by id.
        var b = await app.ProvisionAgencyAsync(TestIds.Slug("rclb"));
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.DoesNotContain(await ownerB.Get<ListReclaimRules>().HandleAsync(Ct), r => r.Id == id);
        Assert.Equal("Rule.NotFound", Codes(await ownerB.Get<ChangeReclaimRule>().HandleAsync(id, version + 2, RuleChange.Archive, Ct)));
        Assert.Equal("Rule.NotFound", Codes(await ownerB.Get<ChangeReclaimRule>().HandleAsync(id, version + 2, RuleChange.Disable, Ct)));
        Assert.Equal("Rule.NotFound", Codes(await ownerB.Get<SaveReclaimRule>().HandleAsync(Rule("劫持", ConditionGroup.AllOf(), hours: 1) with { RuleId = id, Version = version + 2 }, Ct)));
        Assert.Null(await ownerB.Get<GetReclaimDeadline>().HandleAsync(w["甲"], Ct));
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var rule = await db.ReclaimRules.AsNoTracking().SingleAsync(r => r.Id == id);
            Assert.Equal(("抵押贷线索", false, true), (rule.Name, rule.IsArchived, rule.IsEnabled));
        }

        // B's pass, far in the future, takes back B's own lead and nothing of A's; A's pass leaves B's lead alone.
        var bLead = await app.LeadOwnedByAsync(b, b.OwnerUserId);
        var later = (await AssignedAtAsync(w, "甲")).AddDays(60);
        Assert.Equal(new ReclaimRun(0, 0), await PassAsync(w.Agency, (await AssignedAtAsync(w, "甲")).AddHours(1)));
        await using (var dbB = app.OpenAgencyDb(b.Info))
        {
            await PassAsync(w.Agency, later);
            Assert.Equal(LeadStatus.Active, (await dbB.Leads.AsNoTracking().SingleAsync(l => l.Id == bLead.Id)).Status);
            Assert.Equal(new ReclaimRun(0, 1), await PassAsync(b, later));
            Assert.Equal(LeadStatus.PublicPool, (await dbB.Leads.AsNoTracking().SingleAsync(l => l.Id == bLead.Id)).Status);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReclaimTests(SqliteAppHost app) : ReclaimTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReclaimTests(PostgresAppHost app) : ReclaimTests(app);
