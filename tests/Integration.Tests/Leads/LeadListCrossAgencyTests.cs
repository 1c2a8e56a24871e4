using System.Net;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Web.Leads;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>A member of agency B can neither list, edit, claim nor export agency A's leads: not by id, not over HTTP.</summary>
public abstract class LeadListCrossAgencyTests(AppHost app)
{
    [Fact]
    public async Task Agency_B_reaches_nothing_of_agency_A()
    {
        var a = await LeadListWorld.CreateAsync(app, "xa");
        var b = await app.ProvisionAgencyAsync(TestIds.Slug("xb"));
        await using var ownerB = await app.OwnerScopeAsync(b);

        foreach (var view in Enum.GetValues<LeadView>())
            Assert.Empty((await ownerB.Get<ListLeads>().HandleAsync(new LeadListQuery { View = view, Search = a.Prefix }, CancellationToken.None)).Rows);
        Assert.Empty((await ownerB.Get<ListLeads>().HandleAsync(new LeadListQuery { Search = a.Mobiles["甲"] }, CancellationToken.None)).Rows);

        var edit = await ownerB.Get<UpdateLeadInline>().HandleAsync(new LeadInlineEdit(a["甲"], 1, Domain.Leads.IntentLevel.D, ["乙机构"]), CancellationToken.None);
        Assert.Equal("NotFound", Assert.Single(edit.Errors).Code);
        var claim = await ownerB.Get<ClaimLead>().HandleAsync(a["丁"], CancellationToken.None);
        Assert.Equal("NotInPool", Assert.Single(claim.Errors).Code);
        using (var file = new MemoryStream())
        {
            var export = await ownerB.Get<ExportLeads>().HandleAsync(new LeadExportRequest(new LeadListQuery { Search = a.Prefix }, true, "试探",
                new LeadExportLabels("x", "{0}{1}{2}", ExportLeads.Columns, new Dictionary<Domain.Leads.LeadStatus, string>())), file, CancellationToken.None);
            Assert.Equal(0, export.Value);
        }
        await using (var db = app.OpenAgencyDb(a.Agency.Info))
        {
            var lead = await db.Leads.Include(l => l.Tags).AsNoTracking().SingleAsync(l => l.Id == a["甲"]);
            Assert.Equal((Domain.Leads.IntentLevel.A, Domain.Leads.LeadStatus.Active), (lead.Intent!.Value, lead.Status));
            Assert.DoesNotContain(lead.Tags, t => t.Tag == "乙机构");
            Assert.Equal(Domain.Leads.LeadStatus.PublicPool, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == a["丁"])).Status);
        }

        // Over HTTP: B's session on A's host is refused before the export runs.
        using var onB = app.CreateAgencyClient(b);
        var cookie = await AppHost.LoginAsync(onB, b.OwnerMobile, b.OwnerPassword);
        using var onA = app.CreateCookielessClient(a.Agency.Host);
        using var request = new HttpRequestMessage(HttpMethod.Post, LeadExportForm.ExportPath)
        {
            Content = new FormUrlEncodedContent(LeadExportForm.Fields(new LeadListQuery { Search = a.Prefix }, unmasked: true, reason: "试探")),
        };
        request.Headers.Add("Cookie", $"{AppHost.SessionCookie}={cookie}");
        using var response = await onA.Http.SendAsync(request);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var auditA = app.OpenAgencyDb(a.Agency.Info);
        Assert.False(await auditA.AuditEntries.AnyAsync(e => e.Action == "lead.exported"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLeadListCrossAgencyTests(SqliteAppHost app) : LeadListCrossAgencyTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadListCrossAgencyTests(PostgresAppHost app) : LeadListCrossAgencyTests(app);
