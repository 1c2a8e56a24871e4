using LoanSaaS.Domain.Credit;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Credit;

public sealed record CreditReportRow(Guid Id, string Provider, DateOnly ReportDate, CreditReportSummary Summary, string PulledByName, DateTimeOffset PulledAt);

/// <param name="HasConsent">The customer's consent is on record (a pull needs it).</param>
/// <param name="HasIdNumber">The customer's ID number is on record (a pull needs it).</param>
/// <param name="CanReveal">The member may open a full report (RevealPersonalData).</param>
public sealed record CreditReportPanelData(IReadOnlyList<CreditReportRow> Reports, bool HasConsent, bool HasIdNumber, bool CanReveal);

/// <summary>An application's credit reports, newest first, as summaries only (the reports stay sealed).</summary>
public sealed class ListCreditReports(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<Result<CreditReportPanelData>> HandleAsync(Guid applicationId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var application = await db.LoanApplications.AsNoTracking().VisibleTo(user).Where(a => a.Id == applicationId)
            .Select(a => new { a.Id, Lead = db.Leads.Where(l => l.Id == a.LeadId).Select(l => new { l.ConsentAt, HasId = l.IdNumber.Index != null }).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (application?.Lead is null) return Result<CreditReportPanelData>.Fail([ApplicationAccess.NotFound]);
        var reports = await db.CreditReports.AsNoTracking().Where(r => r.ApplicationId == applicationId)
            .OrderByDescending(r => r.ReportDate).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Provider, r.ReportDate, r.Score, r.CurrentOverdueCount, r.Queries6Months, r.PulledByName, r.PulledAt })
            .ToListAsync(ct);
        var rows = reports.Select(r => new CreditReportRow(r.Id, r.Provider, r.ReportDate, new CreditReportSummary(r.Score, r.CurrentOverdueCount, r.Queries6Months), r.PulledByName, r.PulledAt)).ToList();
        return Result<CreditReportPanelData>.Ok(new CreditReportPanelData(rows, application.Lead.ConsentAt is not null, application.Lead.HasId, user.Can(Permission.RevealPersonalData)));
    }
}
