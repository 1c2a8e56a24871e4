using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

public abstract class GetLeadTests(AppHost app)
{
    private Task<Result<LeadDetail>> GetAsync(Agency agency, string member, Guid id) =>
        AsAsync(app, agency, member, s => s.Get<GetLead>().HandleAsync(id, default));

    [Fact]
    public async Task The_detail_is_masked_named_and_derived()
    {
        var w = await WorldAsync(app);
        var mobile = TestIds.Mobile();
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId, Input(mobile, IdNumber()));

        var lead = (await GetAsync(w.Agency, w.SalesA.UserId, id)).Value!;

        Assert.Equal(mobile[..3] + "****" + mobile[7..], lead.MobileMasked);
        Assert.DoesNotContain(mobile, System.Text.Json.JsonSerializer.Serialize(lead));
        Assert.Matches(@"^\d{4}\*+\d{3}[\dX]$", lead.IdNumberMasked);
        Assert.Equal(("抵押贷", "地推", IntentLevel.B), (lead.LoanTypeName, lead.SourceName, lead.Intent));
        Assert.Equal(w.SalesA.FullName, lead.OwnerName);
        Assert.NotNull(lead.TeamName);
        Assert.True(lead.Age >= 26);
        Assert.NotNull(lead.IsMale);
        Assert.True(lead.Can.Edit && lead.Can.Reveal && lead.Can.Release && lead.Can.Convert);
        Assert.False(lead.Can.Blacklist || lead.Can.Assign);
    }

    [Fact]
    public async Task Sales_see_only_their_own_leads_and_managers_only_their_teams()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        Assert.True((await GetAsync(w.Agency, w.ManagerA.UserId, id)).Succeeded);
        Assert.True((await GetAsync(w.Agency, w.Agency.OwnerUserId, id)).Succeeded);
        Assert.Equal("NotFound", Assert.Single((await GetAsync(w.Agency, w.SalesB.UserId, id)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await GetAsync(w.Agency, w.ManagerB.UserId, id)).Errors).Code);
    }

    [Fact]
    public async Task Pooled_leads_are_visible_to_every_member()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);
        Assert.True((await AsAsync(app, w.Agency, w.SalesA.UserId, s => s.Get<ReleaseToPool>().HandleAsync(id, default))).Succeeded);

        var seen = await GetAsync(w.Agency, w.SalesB.UserId, id);
        Assert.Equal(LeadStatus.PublicPool, seen.Value!.Status);
        Assert.False(seen.Value.Can.Edit);
    }

    [Fact]
    public async Task Another_agencys_member_gets_not_found_for_this_agencys_lead()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);
        await using var otherOwner = await app.OwnerScopeAsync(w.Other);

        Assert.Equal("NotFound", Assert.Single((await GetAsync(w.Other, w.OtherSales.UserId, id)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await otherOwner.Get<GetLead>().HandleAsync(id, default)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await otherOwner.Get<GetLeadTimeline>().HandleAsync(id, default)).Errors).Code);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteGetLeadTests(SqliteAppHost app) : GetLeadTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresGetLeadTests(PostgresAppHost app) : GetLeadTests(app);
