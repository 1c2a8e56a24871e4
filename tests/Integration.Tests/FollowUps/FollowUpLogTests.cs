using LoanSaaS.Domain.Dashboard;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Dashboard;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;

namespace LoanSaaS.Integration.Tests.FollowUps;

/// <summary>跟进记录: the list behind the dashboard's follow-up numbers — same scope, same count; nothing of another agency.</summary>
public abstract class FollowUpLogTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Each_member_lists_the_follow_ups_of_their_scope_by_period_and_author_as_the_dashboard_counts_them()
    {
        var w = await app.SharedAsync("followup-log-world", () => LeadListWorld.CreateAsync(app, "fulog"));
        async Task LogAsync(string userId, Guid lead, string text)
        {
            await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
            Assert.True((await scope.Get<LogFollowUp>().HandleAsync(new(lead, FollowUpChannel.Phone, text, FollowUpOutcome.CallBack, null), Ct)).Succeeded);
        }
        await LogAsync(w.SalesA.UserId, w["甲"], "甲第一次电话");
        await LogAsync(w.SalesA.UserId, w["戊"], "戊电话");
        await LogAsync(w.SalesB.UserId, w["乙"], "乙电话");
        await LogAsync(w.Manager.UserId, w["甲"], "经理回访甲");
        var today = Shanghai.Today(TimeProvider.System);

        async Task<FollowUpLogPage> ListAsync(string userId, FollowUpLogQuery query)
        {
            await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
            return await scope.Get<ListFollowUpLog>().HandleAsync(query, Ct);
        }

        var salesA = await ListAsync(w.SalesA.UserId, new(today, today));
        Assert.Equal(["经理回访甲", "戊电话", "甲第一次电话"], salesA.Rows.Select(r => r.Content).ToList());
        Assert.Equal(3, salesA.Total);
        Assert.Equal(["乙电话"], (await ListAsync(w.SalesB.UserId, new())).Rows.Select(r => r.Content).ToList());
        var manager = await ListAsync(w.Manager.UserId, new(today, today, AuthorId: w.SalesA.UserId));
        Assert.Equal(2, manager.Total);
        Assert.All(manager.Rows, r => Assert.Equal(w.SalesA.FullName, r.AuthorName));
        var paged = await ListAsync(w.Agency.OwnerUserId, new(today, today, Page: 1, PageSize: 3));
        Assert.Equal((4, 1), (paged.Total, paged.Rows.Count));
        Assert.Equal(0, (await ListAsync(w.Agency.OwnerUserId, new(today.AddDays(-3), today.AddDays(-1)))).Total);

        await using (var owner = await app.OwnerScopeAsync(w.Agency))
        {
            var dashboard = await owner.Get<GetDashboard>().HandleAsync(new DashboardQuery(DashboardPeriod.Today), Ct);
            Assert.Equal(dashboard.FollowUps, (await owner.Get<ListFollowUpLog>().HandleAsync(new(dashboard.From, dashboard.To), Ct)).Total);
        }

        var b = await app.SharedAsync("followup-log-agency-b", () => app.ProvisionAgencyAsync(TestIds.Slug("fulogb")));
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.Equal(0, (await ownerB.Get<ListFollowUpLog>().HandleAsync(new(), Ct)).Total);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFollowUpLogTests(SqliteAppHost app) : FollowUpLogTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFollowUpLogTests(PostgresAppHost app) : FollowUpLogTests(app);
