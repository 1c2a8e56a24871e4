using System.Text;
using LoanSaaS.Domain.Credit;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Credit;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Integration.Tests.Credit.ApplicationFixture;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Credit;

/// <summary>
/// 征信: a pull needs consent and the ID number, attaches the report sealed (only the summary in clear), reads the
/// customer's credit from it when unknown; the full report opens only with the permission and a reason, audited;
/// other members' and other agencies' applications and reports are not found.
/// </summary>
public abstract class CreditReportTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static string Codes(Result result) => string.Join(",", result.Errors.Select(e => $"{e.Field}.{e.Code}"));

    private Task<Result<Guid>> PullAsync(Agency agency, string member, Guid applicationId) =>
        AsAsync(app, agency, member, s => s.Get<PullCreditReport>().HandleAsync(applicationId, Ct));

    private Task<Result<CreditReportContent>> RevealAsync(Agency agency, string member, Guid reportId, string? reason) =>
        AsAsync(app, agency, member, s => s.Get<RevealCreditReport>().HandleAsync(new RevealCreditReportRequest(reportId, reason), Ct));

    [Fact]
    public async Task A_pull_attaches_the_report_sealed_takes_the_credit_status_when_unknown_and_is_audited_without_the_ID_number()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);
        var expected = SampleCreditReports.For(c.Name, c.IdNumber!, new DateOnly(2026, 1, 1));

        var pulled = await PullAsync(w.Agency, w.SalesA.UserId, c.ApplicationId);

        Assert.True(pulled.Succeeded, Codes(pulled));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var row = await db.CreditReports.AsNoTracking().SingleAsync(r => r.ApplicationId == c.ApplicationId);
        Assert.Equal((pulled.Value, c.LeadId, LocalCreditReportProvider.ProviderName), (row.Id, row.LeadId, row.Provider));
        Assert.Equal(expected.Summary, row.Summary);
        var stored = Encoding.UTF8.GetString(row.Payload);
        Assert.DoesNotContain(c.IdNumber!, stored);
        Assert.DoesNotContain(c.Name, stored);
        Assert.DoesNotContain("score", stored, StringComparison.OrdinalIgnoreCase);

        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == c.LeadId);
        Assert.Equal(expected.SuggestedStatus, lead.CreditStatus);
        var audits = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == c.LeadId.ToString() || a.EntityId == c.ApplicationId.ToString()).ToListAsync();
        Assert.Contains(audits, a => a.Action == "application.creditpulled");
        Assert.All(audits, a => Assert.DoesNotContain(c.IdNumber!, a.Details ?? ""));
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var entry = (await sales.Get<GetLeadTimeline>().HandleAsync(c.LeadId, Ct)).Value!.Single(e => e.Kind == "creditpulled");
        Assert.Equal(expected.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Data["score"]);
        Assert.Equal(new FieldChange(nameof(Lead.CreditStatus), null, expected.SuggestedStatus.ToString()), Assert.Single(entry.Changes));

        // The same day again (double click, a second tab): the same report, nothing new.
        Assert.Equal(pulled.Value, (await PullAsync(w.Agency, w.ManagerA.UserId, c.ApplicationId)).Value);
        Assert.Equal(1, await db.CreditReports.CountAsync(r => r.ApplicationId == c.ApplicationId));
        var listed = (await sales.Get<ListCreditReports>().HandleAsync(c.ApplicationId, Ct)).Value!;
        Assert.Equal((true, true, true), (listed.HasConsent, listed.HasIdNumber, listed.CanReveal));
        Assert.Equal(expected.Summary, Assert.Single(listed.Reports).Summary);
    }

    [Fact]
    public async Task A_customer_who_gave_their_credit_keeps_it()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
            await db.Leads.Where(l => l.Id == c.LeadId).ExecuteUpdateAsync(s => s.SetProperty(l => l.CreditStatus, CreditStatus.NoHistory));

        Assert.True((await PullAsync(w.Agency, w.SalesA.UserId, c.ApplicationId)).Succeeded);

        await using var check = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(CreditStatus.NoHistory, (await check.Leads.AsNoTracking().SingleAsync(l => l.Id == c.LeadId)).CreditStatus);
    }

    [Fact]
    public async Task Without_consent_or_ID_number_nothing_is_pulled()
    {
        var w = await WorldAsync(app);
        var noConsent = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId, consent: false);
        var noId = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId, withIdNumber: false);

        Assert.Equal("Consent.Required", Codes(await PullAsync(w.Agency, w.SalesA.UserId, noConsent.ApplicationId)));
        Assert.Equal("IdNumber.Required", Codes(await PullAsync(w.Agency, w.SalesA.UserId, noId.ApplicationId)));

        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.False(await db.CreditReports.AnyAsync(r => r.ApplicationId == noConsent.ApplicationId || r.ApplicationId == noId.ApplicationId));
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var panel = (await sales.Get<ListCreditReports>().HandleAsync(noConsent.ApplicationId, Ct)).Value!;
        Assert.Equal((false, true), (panel.HasConsent, panel.HasIdNumber));
    }

    [Fact]
    public async Task The_full_report_opens_with_the_permission_and_a_reason_and_the_reveal_is_on_the_timeline()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);
        var reportId = (await PullAsync(w.Agency, w.SalesA.UserId, c.ApplicationId)).Value;

        Assert.Equal("Reason.Required", Codes(await RevealAsync(w.Agency, w.SalesA.UserId, reportId, "  ")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => RevealAsync(w.Agency, w.NoReveal.UserId, reportId, "复审"));
        var shown = await RevealAsync(w.Agency, w.ManagerA.UserId, reportId, "风控复审核对负债");

        Assert.True(shown.Succeeded, Codes(shown));
        var expected = SampleCreditReports.For(c.Name, c.IdNumber!, shown.Value!.ReportDate);
        Assert.Equal(expected.Accounts, shown.Value.Accounts);
        Assert.Equal(expected with { Accounts = shown.Value.Accounts }, shown.Value);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var reveal = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityId == c.LeadId.ToString() && a.Action == "lead.revealed");
        Assert.Equal(w.ManagerA.UserId, reveal.ActorId);
        Assert.Contains("风控复审核对负债", Plain(reveal.Details));
        Assert.Contains(RevealCreditReport.RevealedField, reveal.Details);
        Assert.DoesNotContain(c.IdNumber!, reveal.Details);
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var entry = (await sales.Get<GetLeadTimeline>().HandleAsync(c.LeadId, Ct)).Value!.Single(e => e.Kind == "revealed");
        Assert.Equal(RevealCreditReport.RevealedField, entry.Data["field"]);
    }

    [Fact]
    public async Task Other_members_scopes_and_other_agencies_find_neither_the_application_nor_its_report()
    {
        var w = await WorldAsync(app);
        var c = await CustomerWithApplicationAsync(app, w.Agency, w.SalesA.UserId);
        var reportId = (await PullAsync(w.Agency, w.SalesA.UserId, c.ApplicationId)).Value;

        Assert.Equal("Application.NotFound", Codes(await PullAsync(w.Agency, w.SalesB.UserId, c.ApplicationId)));
        Assert.Equal("CreditReport.NotFound", Codes(await RevealAsync(w.Agency, w.SalesB.UserId, reportId, "看看")));
        // An approver (risk review) sees every application of the agency.
        Assert.True((await AsAsync(app, w.Agency, w.NoReveal.UserId, s => s.Get<ListCreditReports>().HandleAsync(c.ApplicationId, Ct))).Succeeded);

        Assert.Equal("Application.NotFound", Codes(await PullAsync(w.Other, w.OtherSales.UserId, c.ApplicationId)));
        Assert.Equal("Application.NotFound", Codes(await PullAsync(w.Other, w.Other.OwnerUserId, c.ApplicationId)));
        Assert.Equal("Application.NotFound", Codes(await AsAsync(app, w.Other, w.Other.OwnerUserId, s => s.Get<ListCreditReports>().HandleAsync(c.ApplicationId, Ct))));
        Assert.Equal("CreditReport.NotFound", Codes(await RevealAsync(w.Other, w.Other.OwnerUserId, reportId, "越权查看")));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(1, await db.CreditReports.CountAsync(r => r.ApplicationId == c.ApplicationId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityId == c.LeadId.ToString() && a.Action == "lead.revealed"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteCreditReportTests(SqliteAppHost app) : CreditReportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresCreditReportTests(PostgresAppHost app) : CreditReportTests(app);
