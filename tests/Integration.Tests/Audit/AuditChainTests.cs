using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Audit;

/// <summary>Team changes are audited in a hash chain that shows any edit of a stored entry.</summary>
public abstract class AuditChainTests(AppHost app)
{
    [Fact]
    public async Task Team_changes_form_a_verifiable_chain_and_tampering_breaks_it()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("audit"));
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        var invited = await app.AddAsync(agency, AgencyRole.Manager, password: null);
        await using (var owner = await app.OwnerScopeAsync(agency))
        {
            var stamp = (await owner.Get<ListMembers>().HandleAsync(CancellationToken.None)).Single(m => m.Id == sales.UserId).ConcurrencyStamp;
            Assert.True((await owner.Get<UpdateMember>().HandleAsync(new UpdateMemberRequest(sales.UserId, AgencyRole.Manager, null, stamp), CancellationToken.None)).Succeeded);
            Assert.True((await owner.Get<SetMemberActive>().HandleAsync(sales.UserId, false, CancellationToken.None)).Succeeded);
            Assert.True((await owner.Get<IssuePasswordLink>().HandleAsync(invited.UserId, CancellationToken.None)).Succeeded);
            Assert.True((await owner.Get<ManageTeams>().SaveAsync(new SaveTeamRequest(null, "一组", "浦东"), CancellationToken.None)).Succeeded);
        }

        await using var db = app.OpenAgencyDb(agency.Info);
        var actions = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal(["member.created", "member.created", "member.invited", "member.updated", "member.deactivated", "member.password-link", "team.created"], actions);
        Assert.True(await AuditLog.VerifyChainAsync(db, CancellationToken.None));

        var victim = await db.AuditEntries.OrderBy(e => e.Id).Skip(3).Select(e => e.Id).FirstAsync();
        await db.AuditEntries.Where(e => e.Id == victim).ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, "{\"role\":\"owner\"}"));
        Assert.False(await AuditLog.VerifyChainAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_sign_ins_keep_one_unbroken_chain()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("audit-par"));
        var logins = new List<(string Login, string Password)> { (agency.OwnerMobile, agency.OwnerPassword) };
        foreach (var role in new[] { AgencyRole.Admin, AgencyRole.Manager, AgencyRole.Sales, AgencyRole.Sales, AgencyRole.Finance })
        {
            var member = await app.AddAsync(agency, role);
            logins.Add((member.Mobile, member.Password!));
        }

        // Every sign-in appends an audit entry; all of them at once must still form one chain, not forks.
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(logins.Select(l => Task.Run(async () =>
            {
                using var client = app.CreateAgencyClient(agency);
                await AppHost.LoginAsync(client, l.Login, l.Password);
            })));
        }

        await using var db = app.OpenAgencyDb(agency.Info);
        Assert.Equal(2 * logins.Count, await db.AuditEntries.CountAsync(e => e.Action == "member.signed-in"));
        var previous = await db.AuditEntries.Select(e => e.PreviousHash).ToListAsync();
        Assert.Equal(previous.Count, previous.Distinct().Count());
        Assert.True(await AuditLog.VerifyChainAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_an_entry_breaks_the_chain()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("audit-del"));
        await app.AddAsync(agency, AgencyRole.Sales);
        await app.AddAsync(agency, AgencyRole.Finance);

        await using var db = app.OpenAgencyDb(agency.Info);
        Assert.True(await AuditLog.VerifyChainAsync(db, CancellationToken.None));
        var middle = await db.AuditEntries.OrderBy(e => e.Id).Skip(1).Select(e => e.Id).FirstAsync();
        await db.AuditEntries.Where(e => e.Id == middle).ExecuteDeleteAsync();
        Assert.False(await AuditLog.VerifyChainAsync(db, CancellationToken.None));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuditChainTests(SqliteAppHost app) : AuditChainTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditChainTests(PostgresAppHost app) : AuditChainTests(app);
