using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.FollowUps;

/// <summary>Logging and listing follow-ups: the lead's next/last follow-up, closing earlier reminders, validation, scope.</summary>
public abstract class LogFollowUpTests(AppHost app)
{
    private Task<Agency> AgencyAsync() => app.SharedAsync("followups", () => app.ProvisionAgencyAsync(TestIds.Slug("followups")));

    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Logging_sets_the_leads_next_and_last_follow_up_and_closes_the_earlier_reminder()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        var lead = await app.LeadOwnedByAsync(agency, sales.UserId);
        await using var scope = await app.MemberScopeAsync(agency.Info, sales.UserId);
        var now = DateTimeOffset.UtcNow;

        var first = await scope.Get<LogFollowUp>().HandleAsync(
            new LogFollowUpRequest(lead.Id, FollowUpChannel.Phone, "  初次电话，客户有房产  ", FollowUpOutcome.Interested, now.AddDays(1)), Ct);
        Assert.True(first.Succeeded);
        var second = await scope.Get<LogFollowUp>().HandleAsync(
            new LogFollowUpRequest(lead.Id, FollowUpChannel.WeChat, "发了材料清单", FollowUpOutcome.CallBack, now.AddDays(3)), Ct);
        Assert.True(second.Succeeded);

        await using var db = app.OpenAgencyDb(agency.Info);
        var stored = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.LeadId == lead.Id).ToListAsync();
        var earlier = followUps.Single(f => f.Id == first.Value);
        var later = followUps.Single(f => f.Id == second.Value);
        Assert.Equal("初次电话，客户有房产", earlier.Content);
        Assert.True(earlier.IsClosed);
        Assert.False(later.IsClosed);
        Assert.Equal(later.NextAt, stored.NextFollowUpAt);
        Assert.Equal(later.At, stored.LastFollowUpAt);
        Assert.Equal(2, stored.Version);

        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == lead.Id.ToString() && a.Action == "followup.logged").ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.DoesNotContain("材料", a.Details ?? ""));

        var history = await scope.Get<ListFollowUps>().HandleAsync(lead.Id, Ct);
        Assert.NotNull(history);
        Assert.True(history.CanLog);
        Assert.Equal([second.Value, first.Value], history.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_follow_up_without_a_next_time_clears_the_leads_next_follow_up()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        var lead = await app.LeadOwnedByAsync(agency, sales.UserId);
        await using var scope = await app.MemberScopeAsync(agency.Info, sales.UserId);
        var log = scope.Get<LogFollowUp>();
        Assert.True((await log.HandleAsync(new LogFollowUpRequest(lead.Id, FollowUpChannel.Phone, "约下周", FollowUpOutcome.CallBack, DateTimeOffset.UtcNow.AddDays(7)), Ct)).Succeeded);
        Assert.True((await log.HandleAsync(new LogFollowUpRequest(lead.Id, FollowUpChannel.Visit, "已面签", FollowUpOutcome.VisitBooked, null), Ct)).Succeeded);

        await using var db = app.OpenAgencyDb(agency.Info);
        Assert.Null((await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id)).NextFollowUpAt);
        Assert.True(await db.FollowUps.Where(f => f.LeadId == lead.Id).AllAsync(f => f.IsClosed));
    }

    [Fact]
    public async Task Empty_or_too_long_content_and_a_past_next_time_are_refused()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        var lead = await app.LeadOwnedByAsync(agency, sales.UserId);
        await using var scope = await app.MemberScopeAsync(agency.Info, sales.UserId);
        var log = scope.Get<LogFollowUp>();

        var empty = await log.HandleAsync(new LogFollowUpRequest(lead.Id, FollowUpChannel.Phone, "   ", FollowUpOutcome.NoAnswer, DateTimeOffset.UtcNow.AddMinutes(-5)), Ct);
        Assert.Equal(["Content.Required", "NextAt.InPast"], empty.Errors.Select(e => e.Field + "." + e.Code).Order());
        var tooLong = await log.HandleAsync(new LogFollowUpRequest(lead.Id, FollowUpChannel.Phone, new string('话', FollowUp.MaxContentLength + 1), FollowUpOutcome.NoAnswer, null), Ct);
        Assert.Equal("Content.TooLong", Assert.Single(tooLong.Errors) is var e ? e.Field + "." + e.Code : null);

        await using var db = app.OpenAgencyDb(agency.Info);
        Assert.False(await db.FollowUps.AnyAsync(f => f.LeadId == lead.Id));
    }

    [Fact]
    public async Task A_salesperson_cannot_log_on_or_read_another_salespersons_lead()
    {
        var agency = await AgencyAsync();
        var owner = await app.AddAsync(agency, AgencyRole.Sales);
        var other = await app.AddAsync(agency, AgencyRole.Sales);
        var lead = await app.LeadOwnedByAsync(agency, owner.UserId);
        await using var scope = await app.MemberScopeAsync(agency.Info, other.UserId);

        var result = await scope.Get<LogFollowUp>().HandleAsync(new LogFollowUpRequest(lead.Id, FollowUpChannel.Phone, "越权", FollowUpOutcome.CallBack, null), Ct);
        Assert.Equal("Lead.NotFound", Assert.Single(result.Errors) is var e ? e.Field + "." + e.Code : null);
        Assert.Null(await scope.Get<ListFollowUps>().HandleAsync(lead.Id, Ct));
        Assert.Empty(await scope.Get<FindLeadsForQuickAdd>().HandleAsync(lead.Name, Ct));
        Assert.Empty(await scope.Get<FindLeadsForQuickAdd>().HandleAsync(lead.Mobile, Ct));

        await using var agencyOwner = await app.OwnerScopeAsync(agency);
        Assert.True((await agencyOwner.Get<LogFollowUp>().HandleAsync(new LogFollowUpRequest(lead.Id, FollowUpChannel.Phone, "主管回访", FollowUpOutcome.CallBack, null), Ct)).Succeeded);
    }

    [Fact]
    public async Task Quick_add_finds_own_leads_by_name_prefix_or_exact_mobile()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        var lead = await app.LeadOwnedByAsync(agency, sales.UserId);
        await using var scope = await app.MemberScopeAsync(agency.Info, sales.UserId);
        var find = scope.Get<FindLeadsForQuickAdd>();

        Assert.Equal(lead.Id, Assert.Single(await find.HandleAsync(lead.Name[..6], Ct)).Id);
        var byMobile = Assert.Single(await find.HandleAsync(lead.Mobile[..3] + " " + lead.Mobile[3..7] + " " + lead.Mobile[7..], Ct));
        Assert.Equal(lead.Id, byMobile.Id);
        Assert.Equal(lead.Mobile[..3] + "****" + lead.Mobile[7..], byMobile.MobileMasked);
        Assert.Empty(await find.HandleAsync(lead.Mobile[..10], Ct));
        Assert.Contains(await find.HandleAsync(null, Ct), p => p.Id == lead.Id);
    }

    [Fact]
    public async Task My_tasks_split_today_and_overdue_at_Shanghai_midnight()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        var colleague = await app.AddAsync(agency, AgencyRole.Sales);
        var late = await app.LeadOwnedByAsync(agency, sales.UserId);
        var early = await app.LeadOwnedByAsync(agency, sales.UserId);
        var later = await app.LeadOwnedByAsync(agency, sales.UserId);
        var theirs = await app.LeadOwnedByAsync(agency, colleague.UserId);
        var morning = FollowUpFixtures.Shanghai(2030, 3, 10, 9, 0);

        await using (var scope = await app.MemberScopeAsync(agency.Info, sales.UserId))
        {
            var log = scope.LogAt(morning);
            Assert.True((await log.HandleAsync(new(late.Id, FollowUpChannel.Phone, "晚上再打", FollowUpOutcome.CallBack, FollowUpFixtures.Shanghai(2030, 3, 10, 23, 30)), Ct)).Succeeded);
            Assert.True((await log.HandleAsync(new(early.Id, FollowUpChannel.Phone, "明早", FollowUpOutcome.CallBack, FollowUpFixtures.Shanghai(2030, 3, 11, 0, 30)), Ct)).Succeeded);
            Assert.True((await log.HandleAsync(new(later.Id, FollowUpChannel.Phone, "周四", FollowUpOutcome.CallBack, FollowUpFixtures.Shanghai(2030, 3, 14, 10, 0)), Ct)).Succeeded);
        }
        await using (var scope = await app.MemberScopeAsync(agency.Info, colleague.UserId))
            Assert.True((await scope.LogAt(morning).HandleAsync(new(theirs.Id, FollowUpChannel.Phone, "同事的", FollowUpOutcome.CallBack, FollowUpFixtures.Shanghai(2030, 3, 10, 12, 0)), Ct)).Succeeded);

        await using var me = await app.MemberScopeAsync(agency.Info, sales.UserId);
        var beforeMidnight = await me.TasksAt(FollowUpFixtures.Shanghai(2030, 3, 10, 23, 59)).HandleAsync(false, Ct);
        Assert.Equal([(late.Id, TaskDue.Today)], beforeMidnight.Items.Select(t => (t.LeadId, t.Due)));
        Assert.Equal((0, 1), (beforeMidnight.OverdueCount, beforeMidnight.TodayCount));

        var afterMidnight = await me.TasksAt(FollowUpFixtures.Shanghai(2030, 3, 11, 0, 1)).HandleAsync(false, Ct);
        Assert.Equal([(late.Id, TaskDue.Overdue), (early.Id, TaskDue.Today)], afterMidnight.Items.Select(t => (t.LeadId, t.Due)));
        Assert.Equal((1, 1), (afterMidnight.OverdueCount, afterMidnight.TodayCount));

        var withUpcoming = await me.TasksAt(FollowUpFixtures.Shanghai(2030, 3, 11, 0, 1)).HandleAsync(true, Ct);
        Assert.Equal([late.Id, early.Id, later.Id], withUpcoming.Items.Select(t => t.LeadId));
        Assert.Equal(TaskDue.Upcoming, withUpcoming.Items[2].Due);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLogFollowUpTests(SqliteAppHost app) : LogFollowUpTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLogFollowUpTests(PostgresAppHost app) : LogFollowUpTests(app);
