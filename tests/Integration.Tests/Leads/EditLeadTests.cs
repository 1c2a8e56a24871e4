using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

public abstract class EditLeadTests(AppHost app)
{
    private Task<Result<long>> EditAsync(Agency agency, string member, Guid id, long version, LeadInput input) =>
        AsAsync(app, agency, member, s => s.Get<EditLead>().HandleAsync(new EditLeadRequest(id, version, input), default));

    [Fact]
    public async Task An_edit_changes_the_fields_and_audits_old_and_new_with_personal_data_masked()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);
        var newMobile = TestIds.Mobile();

        var result = await EditAsync(w.Agency, w.SalesA.UserId, id, 0,
            Input(newMobile) with { Name = "新名字", City = "杭州", Amount = "80万", Tags = "有车", Intent = "A", Term = null });

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        Assert.Equal(1, result.Value);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.Include(l => l.Tags).SingleAsync(l => l.Id == id);
        Assert.Equal(("新名字", "杭州", 80m, (int?)null), (lead.Name, lead.City, lead.AmountWan, lead.TermMonths));
        Assert.Equal(["有车"], lead.Tags.Select(t => t.Tag));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "lead.updated");
        Assert.Contains("\"City\"", audit.Details);
        Assert.Contains("杭州", Plain(audit.Details));
        Assert.Contains(newMobile[..3] + "****" + newMobile[7..], audit.Details);
        Assert.DoesNotContain(newMobile, audit.Details);
    }

    [Fact]
    public async Task A_blank_mobile_keeps_the_stored_one()
    {
        var w = await WorldAsync(app);
        var mobile = TestIds.Mobile();
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId, Input(mobile));

        var result = await EditAsync(w.Agency, w.SalesA.UserId, id, 0, Input() with { Mobile = null, City = "苏州" });

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(mobile[..3] + "****" + mobile[7..], (await db.Leads.SingleAsync(l => l.Id == id)).Mobile.Masked);
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_nothing_is_overwritten()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);
        Assert.True((await EditAsync(w.Agency, w.ManagerA.UserId, id, 0, Input() with { Mobile = null, City = "南京" })).Succeeded);

        var stale = await EditAsync(w.Agency, w.SalesA.UserId, id, 0, Input() with { Mobile = null, City = "北京" });

        Assert.Equal("ChangedByOthers", Assert.Single(stale.Errors).Code);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Id == id);
        Assert.Equal(("南京", 1L), (lead.City, lead.Version));
    }

    [Fact]
    public async Task A_mobile_of_another_lead_or_of_the_blacklist_is_refused()
    {
        var w = await WorldAsync(app);
        var taken = TestIds.Mobile();
        await AddAsync(app, w.Agency, w.SalesB.UserId, Input(taken));
        var blocked = TestIds.Mobile();
        var bad = await AddAsync(app, w.Agency, w.SalesA.UserId, Input(blocked));
        Assert.True((await AsAsync(app, w.Agency, w.ManagerA.UserId, s => s.Get<BlacklistLead>().HandleAsync(new BlacklistLeadRequest(bad, "骗贷"), default))).Succeeded);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        var duplicate = await EditAsync(w.Agency, w.SalesA.UserId, id, 0, Input(taken));
        var blacklisted = await EditAsync(w.Agency, w.SalesA.UserId, id, 0, Input(blocked));

        Assert.Equal(new FieldError("Mobile", "Taken"), Assert.Single(duplicate.Errors));
        Assert.Equal(new FieldError("Mobile", "Blacklisted"), Assert.Single(blacklisted.Errors));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(0, (await db.Leads.SingleAsync(l => l.Id == id)).Version);
    }

    [Fact]
    public async Task Leads_outside_the_scope_or_the_agency_are_not_found()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        Assert.Equal("NotFound", Assert.Single((await EditAsync(w.Agency, w.SalesB.UserId, id, 0, Input())).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await EditAsync(w.Agency, w.ManagerB.UserId, id, 0, Input())).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await EditAsync(w.Other, w.OtherSales.UserId, id, 0, Input())).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await EditAsync(w.Other, w.Other.OwnerUserId, id, 0, Input())).Errors).Code);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteEditLeadTests(SqliteAppHost app) : EditLeadTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresEditLeadTests(PostgresAppHost app) : EditLeadTests(app);
