using System.Net;
using System.Text.Json;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>Export of the filtered list: masked unless permitted and reasoned, always audited, watermarked, formula-safe.</summary>
public abstract class LeadExportTests(AppHost app)
{
    private static readonly LeadExportLabels Labels = new("意向客户", "导出人：{0} 时间：{1} {2}",
        ExportLeads.Columns.Select(c => "列" + c).ToList(), Enum.GetValues<LeadStatus>().ToDictionary(s => s, s => s.ToString()));

    /// <summary>A refused cookie request is sent to the access-denied page (or answered 403).</summary>
    public static readonly HttpStatusCode[] Refusals = [HttpStatusCode.Forbidden, HttpStatusCode.Redirect];

    private Task<LeadListWorld> WorldAsync() => app.SharedAsync("lead-export-world", async () =>
    {
        var w = await LeadListWorld.CreateAsync(app, "export");
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Id == w.Leads["丙"]);
        lead.City = "=HYPERLINK(\"http://x.cn\",\"点\")";
        await db.SaveChangesAsync();
        return w;
    });

    private static List<IDictionary<string, object?>> Read(MemoryStream file)
    {
        file.Position = 0;
        return file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
    }

    private async Task<(Result<int> Result, List<IDictionary<string, object?>> Rows)> ExportAsync(LeadListWorld w, string userId, bool unmasked, string? reason)
    {
        await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
        using var file = new MemoryStream();
        var result = await scope.Get<ExportLeads>().HandleAsync(
            new LeadExportRequest(new LeadListQuery { Search = w.Prefix, Sort = LeadSort.Created, Descending = false }, unmasked, reason, Labels), file, CancellationToken.None);
        return (result, result.Succeeded ? Read(file) : []);
    }

    [Fact]
    public async Task A_masked_export_is_watermarked_formula_safe_audited_and_in_scope()
    {
        var w = await WorldAsync();
        var (result, rows) = await ExportAsync(w, w.Manager.UserId, unmasked: false, reason: null);

        Assert.Equal(2, result.Value);
        Assert.Contains(w.Manager.FullName, rows[0]["A"]?.ToString());
        Assert.StartsWith("导出人", rows[0]["A"]?.ToString());
        Assert.Equal("列Name", rows[1]["C"]);
        var data = rows.Skip(2).ToList();
        Assert.Equal([w.Prefix + "甲", w.Prefix + "丙"], data.Select(r => r["C"]?.ToString()));
        var mobile = w.Mobiles["甲"];
        Assert.Equal(mobile[..3] + "****" + mobile[7..], data[0]["D"]);
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v?.ToString()?.Contains(mobile, StringComparison.Ordinal) == true);
        Assert.Equal("'=HYPERLINK(\"http://x.cn\",\"点\")", data[1]["F"]);

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var entry = await db.AuditEntries.Where(a => a.Action == "lead.exported" && a.ActorId == w.Manager.UserId).OrderBy(a => a.Id).LastAsync();
        var details = JsonDocument.Parse(entry.Details!).RootElement;
        Assert.Equal((2, false), (details.GetProperty("count").GetInt32(), details.GetProperty("unmasked").GetBoolean()));
        Assert.Equal(w.Prefix, details.GetProperty("filter").GetProperty("search").GetString());
    }

    [Fact]
    public async Task Unmasked_needs_the_permission_and_a_reason_and_is_audited_with_it()
    {
        var w = await WorldAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => ExportAsync(w, w.Manager.UserId, unmasked: true, reason: "核对"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ExportAsync(w, w.SalesA.UserId, unmasked: false, reason: null));
        var (noReason, _) = await ExportAsync(w, w.Agency.OwnerUserId, unmasked: true, reason: "  ");
        Assert.Equal(("Reason", "Required"), (noReason.Errors[0].Field, noReason.Errors[0].Code));

        var (result, rows) = await ExportAsync(w, w.Agency.OwnerUserId, unmasked: true, reason: "报送银行核对");

        Assert.Equal(3, result.Value);
        Assert.Contains(rows.Skip(2), r => r["D"]?.ToString() == w.Mobiles["乙"]);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var entry = await db.AuditEntries.Where(a => a.Action == "lead.exported" && a.ActorId == w.Agency.OwnerUserId).OrderBy(a => a.Id).LastAsync();
        var details = JsonDocument.Parse(entry.Details!).RootElement;
        Assert.True(details.GetProperty("unmasked").GetBoolean());
        Assert.Equal("报送银行核对", details.GetProperty("reason").GetString());
        Assert.DoesNotContain(w.Mobiles["乙"], entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_endpoint_streams_xlsx_to_permitted_members_only()
    {
        var w = await WorldAsync();
        using var manager = app.CreateAgencyClient(w.Agency);
        await AppHost.LoginAsync(manager, w.Manager.Mobile, w.Manager.Password!);
        var masked = Web.Leads.LeadExportForm.Fields(new LeadListQuery { Search = w.Prefix }, unmasked: false, reason: null);
        using (var response = await app.PostFormAsync(manager, w.Manager.UserId, Web.Leads.LeadExportForm.ExportPath, masked))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
            using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(2 + 2, Read(file).Count);
        }
        var unmaskedFields = Web.Leads.LeadExportForm.Fields(new LeadListQuery { Search = w.Prefix }, unmasked: true, reason: "看看");
        using (var unmasked = await app.PostFormAsync(manager, w.Manager.UserId, Web.Leads.LeadExportForm.ExportPath, unmaskedFields))
            Assert.Contains(unmasked.StatusCode, Refusals);
        // Without the page's token the post is refused, whoever sends it.
        using (var forged = await manager.Http.PostAsync(Web.Leads.LeadExportForm.ExportPath, new FormUrlEncodedContent(masked)))
            Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        // The old link form no longer exports anything.
        using (var link = await manager.GetAsync(Web.Leads.LeadExportForm.ExportPath + "?q=" + Uri.EscapeDataString(w.Prefix)))
            Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", link.Content.Headers.ContentType?.MediaType);

        using var sales = app.CreateAgencyClient(w.Agency);
        await AppHost.LoginAsync(sales, w.SalesA.Mobile, w.SalesA.Password!);
        using var refused = await app.PostFormAsync(sales, w.SalesA.UserId, Web.Leads.LeadExportForm.ExportPath, masked);
        Assert.Contains(refused.StatusCode, Refusals);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLeadExportTests(SqliteAppHost app) : LeadExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadExportTests(PostgresAppHost app) : LeadExportTests(app);
