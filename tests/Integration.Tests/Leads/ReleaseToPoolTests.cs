using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

public abstract class ReleaseToPoolTests(AppHost app)
{
    private Task<Result> ReleaseAsync(Agency agency, string member, Guid id) =>
        AsAsync(app, agency, member, s => s.Get<ReleaseToPool>().HandleAsync(id, default));

    [Fact]
    public async Task The_owner_releases_a_lead_to_the_pool()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        Assert.True((await ReleaseAsync(w.Agency, w.SalesA.UserId, id)).Succeeded);

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Id == id);
        Assert.Equal((LeadStatus.PublicPool, (string?)null, (Guid?)null), (lead.Status, lead.OwnerId, lead.TeamId));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "lead.pooled");
        Assert.Contains(w.SalesA.FullName, Plain(audit.Details));
        Assert.Equal("NotActive", Assert.Single((await ReleaseAsync(w.Agency, w.Agency.OwnerUserId, id)).Errors).Code);
    }

    [Fact]
    public async Task The_team_manager_may_release_it_too()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);
        Assert.True((await ReleaseAsync(w.Agency, w.ManagerA.UserId, id)).Succeeded);
    }

    [Fact]
    public async Task Leads_outside_the_scope_or_the_agency_are_not_found()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        Assert.Equal("NotFound", Assert.Single((await ReleaseAsync(w.Agency, w.SalesB.UserId, id)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await ReleaseAsync(w.Agency, w.ManagerB.UserId, id)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await ReleaseAsync(w.Other, w.OtherSales.UserId, id)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await ReleaseAsync(w.Other, w.Other.OwnerUserId, id)).Errors).Code);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(LeadStatus.Active, (await db.Leads.SingleAsync(l => l.Id == id)).Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReleaseToPoolTests(SqliteAppHost app) : ReleaseToPoolTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReleaseToPoolTests(PostgresAppHost app) : ReleaseToPoolTests(app);
