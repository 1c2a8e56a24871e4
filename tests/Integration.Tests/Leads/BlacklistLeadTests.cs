using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>BlacklistLead and RemoveFromBlacklist: the reason, the blocked re-entry through every channel, the way back.</summary>
public abstract class BlacklistLeadTests(AppHost app)
{
    private Task<Result> BlacklistAsync(Agency agency, string member, Guid id, string? reason) =>
        AsAsync(app, agency, member, s => s.Get<BlacklistLead>().HandleAsync(new BlacklistLeadRequest(id, reason), default));

    private Task<Result> RemoveAsync(Agency agency, string member, Guid id, string? reason) =>
        AsAsync(app, agency, member, s => s.Get<RemoveFromBlacklist>().HandleAsync(new RemoveFromBlacklistRequest(id, reason), default));

    [Fact]
    public async Task A_blacklisted_person_cannot_come_back_manually_or_by_import_and_staff_see_the_reason()
    {
        var w = await WorldAsync(app);
        var mobile = TestIds.Mobile();
        var idNumber = IdNumber();
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId, Input(mobile, idNumber));

        Assert.True((await BlacklistAsync(w.Agency, w.ManagerA.UserId, id, "伪造银行流水")).Succeeded);

        var manual = await AsAsync(app, w.Agency, w.SalesB.UserId, s => s.Get<AddLead>().HandleAsync(new AddLeadRequest(Input(mobile)), default));
        Assert.Equal(new FieldError("Lead", "Blacklisted"), Assert.Single(manual.Errors));
        Assert.Equal("伪造银行流水", manual.BlacklistReason);
        await using (var scope = await app.OwnerScopeAsync(w.Agency))
        {
            var imported = await scope.Get<CaptureLeads>().HandleAsync([Input(TestIds.Mobile(), idNumber)],
                new CaptureOptions(LeadChannel.Import, AuditActor.System, DuplicatePolicy.Overwrite), default);
            Assert.Equal(CaptureOutcome.Rejected, imported[0].Outcome);
            Assert.Equal("伪造银行流水", imported[0].BlacklistReason);
        }
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Id == id);
        Assert.Equal((LeadStatus.Blacklisted, "伪造银行流水"), (lead.Status, lead.BlacklistReason));
        var entry = await db.Blacklist.SingleAsync(b => b.LeadId == id);
        Assert.Equal((lead.Mobile.Index, lead.IdNumber.Index, lead.Mobile.Masked), (entry.MobileIndex, entry.IdNumberIndex, entry.MobileMasked));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == "lead.blacklisted"));
    }

    [Fact]
    public async Task Removing_from_the_blacklist_needs_a_reason_and_lets_the_person_back_in()
    {
        var w = await WorldAsync(app);
        var mobile = TestIds.Mobile();
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId, Input(mobile));
        Assert.True((await BlacklistAsync(w.Agency, w.ManagerA.UserId, id, "恶意投诉")).Succeeded);

        Assert.Equal(new FieldError("Reason", "Required"), Assert.Single((await RemoveAsync(w.Agency, w.ManagerA.UserId, id, "")).Errors));
        Assert.True((await RemoveAsync(w.Agency, w.ManagerA.UserId, id, "误判，已核实")).Succeeded);

        var again = await AsAsync(app, w.Agency, w.SalesA.UserId, s => s.Get<AddLead>().HandleAsync(new AddLeadRequest(Input(mobile)), default));
        Assert.Equal(new FieldError("Lead", "Duplicate"), Assert.Single(again.Errors));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(LeadStatus.Active, (await db.Leads.SingleAsync(l => l.Id == id)).Status);
        Assert.False(await db.Blacklist.AnyAsync(b => b.LeadId == id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == "lead.unblacklisted"));
    }

    [Fact]
    public async Task Blacklisting_needs_a_reason_and_the_permission()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        await Assert.ThrowsAsync<AccessDeniedException>(() => BlacklistAsync(w.Agency, w.SalesA.UserId, id, "不想要"));
        Assert.Equal(new FieldError("Reason", "Required"), Assert.Single((await BlacklistAsync(w.Agency, w.ManagerA.UserId, id, " ")).Errors));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(LeadStatus.Active, (await db.Leads.SingleAsync(l => l.Id == id)).Status);
    }

    [Fact]
    public async Task Leads_outside_the_scope_or_the_agency_are_not_found()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        Assert.Equal("NotFound", Assert.Single((await BlacklistAsync(w.Agency, w.ManagerB.UserId, id, "原因")).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await BlacklistAsync(w.Other, w.Other.OwnerUserId, id, "原因")).Errors).Code);
        Assert.True((await BlacklistAsync(w.Agency, w.ManagerA.UserId, id, "原因")).Succeeded);
        Assert.Equal("NotFound", Assert.Single((await RemoveAsync(w.Agency, w.ManagerB.UserId, id, "原因")).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await RemoveAsync(w.Other, w.Other.OwnerUserId, id, "原因")).Errors).Code);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBlacklistLeadTests(SqliteAppHost app) : BlacklistLeadTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBlacklistLeadTests(PostgresAppHost app) : BlacklistLeadTests(app);
