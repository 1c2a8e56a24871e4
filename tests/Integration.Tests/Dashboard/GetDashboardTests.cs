using LoanSaaS.Domain.Dashboard;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Dashboard;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Dashboard;

/// <summary>The manager dashboard counts what happened in the viewer's scope, and nothing of another agency.</summary>
public abstract class GetDashboardTests(AppHost app)
{
    [Fact]
    public async Task Todays_numbers_follow_the_scope_and_the_funnel_converts_stage_to_stage()
    {
        var w = await LeadListWorld.CreateAsync(app, "dash");
        Guid screening;
        long version;
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            screening = await db.FunnelStages.Where(s => s.Key == "screening" && db.FunnelBoards.Any(b => b.Id == s.BoardId && b.IsDefault)).Select(s => s.Id).SingleAsync();
            version = await db.Leads.Where(l => l.Id == w["甲"]).Select(l => l.Version).SingleAsync();
        }
        await using (var salesA = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId))
        {
            Assert.True((await salesA.Get<MoveCard>().HandleAsync(new MoveCardRequest(w["甲"], screening, version), CancellationToken.None)).Succeeded);
            Assert.True((await salesA.Get<LogFollowUp>().HandleAsync(new LogFollowUpRequest(w["甲"], FollowUpChannel.Phone, "约了周五面谈", FollowUpOutcome.Interested, null), CancellationToken.None)).Succeeded);
        }
        await using (var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId))
            Assert.True((await salesB.Get<LogFollowUp>().HandleAsync(new LogFollowUpRequest(w["乙"], FollowUpChannel.WeChat, "发了资料", FollowUpOutcome.Interested, null), CancellationToken.None)).Succeeded);

        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var all = await owner.Get<GetDashboard>().HandleAsync(new DashboardQuery(DashboardPeriod.Today), CancellationToken.None);
        Assert.Equal((6, 2, 1), (all.NewLeads, all.FollowUps, all.Advances));
        Assert.Equal(new NewLeadSplit(3, 1, 1, 1), all.NewLeadsNow);
        Assert.Contains(all.Sources, s => s.Name == "地推" && s.Count == 1);
        var top = all.Leaders[0];
        Assert.Equal((w.SalesA.UserId, 3, 1, 1), (top.UserId, top.NewLeads, top.FollowUps, top.Advances));
        Assert.Equal(["线索录入", "电话初筛"], all.Funnel.Take(2).Select(s => s.Name));
        Assert.Equal((3, 1), (all.Funnel[0].Count, all.Funnel[1].Count));
        Assert.Equal(0.25, all.Funnel[1].Conversion);

        await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.Manager.UserId);
        var team = await manager.Get<GetDashboard>().HandleAsync(new DashboardQuery(DashboardPeriod.Week), CancellationToken.None);
        Assert.Equal((4, 1, 1), (team.NewLeads, team.FollowUps, team.Advances));
        Assert.DoesNotContain(team.Leaders, l => l.UserId == w.SalesB.UserId);
        Assert.Empty(team.Teams);
    }

    [Fact]
    public async Task A_salesperson_has_no_dashboard_and_another_agency_sees_none_of_this_one()
    {
        var w = await LeadListWorld.CreateAsync(app, "dashiso");
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<GetDashboard>().HandleAsync(new DashboardQuery(DashboardPeriod.Today), CancellationToken.None));

        var b = await app.SharedAsync("dashboard-agency-b", () => app.ProvisionAgencyAsync(TestIds.Slug("dashb")));
        await using var ownerB = await app.OwnerScopeAsync(b);
        var other = await ownerB.Get<GetDashboard>().HandleAsync(new DashboardQuery(DashboardPeriod.Month, w.Agency.Info.Id), CancellationToken.None);
        Assert.Equal((0, 0, 0), (other.NewLeads, other.FollowUps, other.Advances));
        Assert.DoesNotContain(other.Leaders, l => l.UserId == w.SalesA.UserId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteGetDashboardTests(SqliteAppHost app) : GetDashboardTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresGetDashboardTests(PostgresAppHost app) : GetDashboardTests(app);
