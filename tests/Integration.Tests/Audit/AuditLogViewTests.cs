using System.Net;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Audit;

/// <summary>The admin view of the audit log: filtered pages, verification that names the first broken entry, one agency only.</summary>
public abstract class AuditLogViewTests(AppHost app)
{
    private static async Task<AuditChainCheck> VerifyAsync(MemberScope scope) =>
        await scope.Get<VerifyAuditChain>().HandleAsync(CancellationToken.None);

    private async Task<Lead> LeadAsync(Agency agency, string name)
    {
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var result = Assert.Single(await scope.Get<CaptureLeads>().HandleAsync([new LeadInput { Name = name, Mobile = TestIds.Mobile() }],
            new CaptureOptions(LeadChannel.Manual, new AuditActor(agency.OwnerUserId, agency.OwnerName), DuplicatePolicy.Skip) { OwnerId = agency.OwnerUserId },
            CancellationToken.None));
        await using var db = app.OpenAgencyDb(agency.Info);
        return await db.Leads.AsNoTracking().SingleAsync(l => l.Id == result.LeadId);
    }

    [Fact]
    public async Task An_untouched_chain_verifies_and_the_check_is_audited()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("audv"));
        await app.AddAsync(agency, AgencyRole.Sales);
        await LeadAsync(agency, "郑七");
        int entries;
        await using (var db = app.OpenAgencyDb(agency.Info)) entries = await db.AuditEntries.CountAsync();

        await using var owner = await app.OwnerScopeAsync(agency);
        var check = await VerifyAsync(owner);

        Assert.True(check.IsIntact);
        Assert.Equal(entries, check.EntryCount);
        var latest = await owner.Get<ListAuditEntries>().HandleAsync(new AuditQuery(0, 1), CancellationToken.None);
        var verified = Assert.Single(latest.Rows);
        Assert.Equal(("audit.verified", agency.OwnerName), (verified.Action, verified.ActorName));
        Assert.Contains("\"ok\":true", verified.Details);
        Assert.True((await VerifyAsync(owner)).IsIntact);
    }

    [Fact]
    public async Task A_changed_entry_is_named_as_the_break()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("audt"));
        await app.AddAsync(agency, AgencyRole.Sales);
        await app.AddAsync(agency, AgencyRole.Finance);
        await using var db = app.OpenAgencyDb(agency.Info);
        var victim = await db.AuditEntries.OrderBy(e => e.Id).Skip(1).Select(e => e.Id).FirstAsync();
        // Raw SQL, as someone with database access would do it.
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Details\" = '{{\"role\":\"owner\"}}' WHERE \"Id\" = {victim}");

        await using var owner = await app.OwnerScopeAsync(agency);
        var check = await VerifyAsync(owner);

        Assert.False(check.IsIntact);
        Assert.Equal((victim, AuditChainBreak.ContentChanged), (check.BrokenEntryId, check.Break));
        var audited = Assert.Single((await owner.Get<ListAuditEntries>().HandleAsync(new AuditQuery(0, 1) { Action = "audit.verified" }, CancellationToken.None)).Rows);
        Assert.Contains($"\"brokenAt\":{victim}", audited.Details);
    }

    [Fact]
    public async Task A_deleted_entry_breaks_the_link_of_the_next_one()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("audd"));
        await app.AddAsync(agency, AgencyRole.Sales);
        await app.AddAsync(agency, AgencyRole.Finance);
        await using var db = app.OpenAgencyDb(agency.Info);
        var ids = await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {ids[1]}");

        await using var owner = await app.OwnerScopeAsync(agency);
        var check = await VerifyAsync(owner);

        Assert.Equal((ids[2], AuditChainBreak.LinkBroken), (check.BrokenEntryId, check.Break));
    }

    [Fact]
    public async Task Entries_are_listed_newest_first_and_filtered_by_action_entity_actor_and_date()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("audl"));
        var lead = await LeadAsync(agency, "王八");
        await LeadAsync(agency, "冯九");
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        await using var owner = await app.OwnerScopeAsync(agency);
        var list = owner.Get<ListAuditEntries>();
        Task<AuditEntriesPage> Page(AuditQuery q) => list.HandleAsync(q, CancellationToken.None);

        var all = await Page(new AuditQuery(0, 100));
        Assert.Equal(all.Rows.Select(r => r.Id).OrderDescending(), all.Rows.Select(r => r.Id));
        Assert.Equal(all.Total, all.Rows.Count);
        var second = await Page(new AuditQuery(1, 2));
        Assert.Equal(all.Rows.Skip(2).Take(2).Select(r => r.Id), second.Rows.Select(r => r.Id));

        var byNumber = await Page(new AuditQuery(0, 20) { Entity = lead.Number });
        var created = Assert.Single(byNumber.Rows);
        Assert.Equal(("lead.created", lead.Number), (created.Action, created.EntityLabel));
        Assert.Single((await Page(new AuditQuery(0, 20) { Entity = lead.Id.ToString() })).Rows);
        Assert.Equal(2, (await Page(new AuditQuery(0, 20) { Action = "lead.created", EntityType = "lead" })).Total);
        Assert.All((await Page(new AuditQuery(0, 20) { Actor = agency.OwnerName })).Rows, r => Assert.Equal(agency.OwnerName, r.ActorName));
        Assert.Contains((await Page(new AuditQuery(0, 20) { Entity = sales.UserId })).Rows, r => r.Action == "member.created");

        var today = LoanSaaS.Domain.Time.Shanghai.DateOf(all.Rows[0].At);
        Assert.Equal(all.Total, (await Page(new AuditQuery(0, 100) { From = today.AddDays(-1), To = today.AddDays(1) })).Total);
        Assert.Equal(0, (await Page(new AuditQuery(0, 100) { To = today.AddDays(-2) })).Total);
    }

    [Fact]
    public async Task Sales_cannot_read_or_verify_the_log()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("auds"));
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        await using var scope = await app.MemberScopeAsync(agency.Info, sales.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.Get<ListAuditEntries>().HandleAsync(new AuditQuery(0, 20), CancellationToken.None));
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.Get<VerifyAuditChain>().HandleAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Another_agency_never_sees_these_entries_in_its_list_or_on_its_page()
    {
        var a = await app.ProvisionAgencyAsync(TestIds.Slug("auda"));
        var lead = await LeadAsync(a, "陈十");
        await using (var ownerA = await app.OwnerScopeAsync(a)) await VerifyAsync(ownerA);
        var b = await app.ProvisionAgencyAsync(TestIds.Slug("audb"));
        var adminB = await app.AddAsync(b, AgencyRole.Admin);

        await using (var scope = await app.MemberScopeAsync(b.Info, adminB.UserId))
        {
            var list = scope.Get<ListAuditEntries>();
            var page = await list.HandleAsync(new AuditQuery(0, 100), CancellationToken.None);
            Assert.NotEmpty(page.Rows);
            Assert.DoesNotContain(page.Rows, r => r.ActorName == a.OwnerName || r.EntityId == lead.Id.ToString() || r.EntityId == a.OwnerUserId);
            Assert.Equal(0, (await list.HandleAsync(new AuditQuery(0, 20) { Entity = lead.Number }, CancellationToken.None)).Total);
            Assert.Equal(0, (await list.HandleAsync(new AuditQuery(0, 20) { Entity = lead.Id.ToString() }, CancellationToken.None)).Total);
        }

        using var client = app.CreateAgencyClient(b);
        await AppHost.LoginAsync(client, b.OwnerMobile, b.OwnerPassword);
        using var response = await client.GetAsync("/audit");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"audit-row-", html);
        Assert.Contains(b.OwnerName, html);
        Assert.DoesNotContain(a.OwnerName, html);
        Assert.DoesNotContain(lead.Number, html);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAuditLogViewTests(SqliteAppHost app) : AuditLogViewTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditLogViewTests(PostgresAppHost app) : AuditLogViewTests(app);
