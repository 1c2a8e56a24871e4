using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>Claiming from the public pool: any member may, exactly one of two racing members wins.</summary>
public abstract class ClaimLeadTests(AppHost app)
{
    private Task<LeadListWorld> WorldAsync() => app.SharedAsync("lead-claim-world", () => LeadListWorld.CreateAsync(app, "claim"));

    private async Task<Guid> PooledLeadAsync(LeadListWorld w)
    {
        await using var scope = await TenantScope.BeginAsync(app, w.Agency);
        var result = await scope.Get<CaptureLeads>().HandleAsync([new LeadInput { Name = w.Prefix + "池" + TestIds.Hex8()[..3], Mobile = TestIds.Mobile() }],
            new CaptureOptions(LeadChannel.WebForm, AuditActor.System, DuplicatePolicy.Skip), CancellationToken.None);
        return result[0].LeadId!.Value;
    }

    [Fact]
    public async Task A_salesperson_claims_a_pooled_lead_and_then_sees_it_as_their_own()
    {
        var w = await WorldAsync();
        var id = await PooledLeadAsync(w);
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);

        var claimed = await sales.Get<ClaimLead>().HandleAsync(id, CancellationToken.None);

        Assert.True(claimed.Succeeded);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == id);
        Assert.Equal((LeadStatus.Active, w.SalesB.UserId), (lead.Status, lead.OwnerId));
        Assert.NotNull(lead.TeamId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == "lead.claimed" && a.ActorId == w.SalesB.UserId));
        var mine = await sales.Get<ListLeads>().HandleAsync(new LeadListQuery { Search = lead.Name }, CancellationToken.None);
        Assert.Single(mine.Rows);
    }

    [Fact]
    public async Task Two_members_claiming_at_once_one_wins_and_the_other_is_told()
    {
        var w = await WorldAsync();
        for (var round = 0; round < 3; round++)
        {
            var id = await PooledLeadAsync(w);
            async Task<(string User, bool Won, string? Code)> ClaimAsync(string userId)
            {
                await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
                var result = await scope.Get<ClaimLead>().HandleAsync(id, CancellationToken.None);
                return (userId, result.Succeeded, result.Errors.Count > 0 ? result.Errors[0].Code : null);
            }

            var results = await Task.WhenAll(ClaimAsync(w.SalesA.UserId), ClaimAsync(w.SalesB.UserId));

            var winner = Assert.Single(results, r => r.Won);
            Assert.Equal("NotInPool", Assert.Single(results, r => !r.Won).Code);
            await using var db = app.OpenAgencyDb(w.Agency.Info);
            var stored = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == id);
            Assert.True(winner.User == stored.OwnerId, $"round {round}: {string.Join("; ", results)} but owner {stored.OwnerId} v{stored.Version}; A={w.SalesA.UserId}");
        }
    }

    [Fact]
    public async Task A_lead_that_is_not_in_the_pool_cannot_be_claimed()
    {
        var w = await WorldAsync();
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var result = await owner.Get<ClaimLead>().HandleAsync(w["甲"], CancellationToken.None);
        Assert.Equal("NotInPool", Assert.Single(result.Errors).Code);
        // Someone who cannot see the lead gets the same answer and learns nothing more.
        await using var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);
        Assert.Equal("NotInPool", Assert.Single((await salesB.Get<ClaimLead>().HandleAsync(w["甲"], CancellationToken.None)).Errors).Code);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(w.SalesA.UserId, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == w["甲"])).OwnerId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteClaimLeadTests(SqliteAppHost app) : ClaimLeadTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimLeadTests(PostgresAppHost app) : ClaimLeadTests(app);
