using LoanSaaS.Domain.Credit;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Credit;

public sealed record RevealCreditReportRequest(Guid ReportId, string? Reason);

/// <summary>
/// Opens one sealed credit report: needs RevealPersonalData, an application the member may see and a reason; audited
/// on the customer's timeline ("查看了征信报告") with the reason and the application number, never the content.
/// </summary>
public sealed class RevealCreditReport(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantPersonalData personalData, AuditLog audit)
{
    public const string RevealedField = "CreditReport";
    public static readonly FieldError NotFound = new("CreditReport", "NotFound");

    public async Task<Result<CreditReportContent>> HandleAsync(RevealCreditReportRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.RevealPersonalData, ct);
        var reason = LeadDetailAccess.Reason(request.Reason);
        if (!reason.Succeeded) return Result<CreditReportContent>.Fail(reason.Errors);

        await using var db = contexts.Create();
        var found = await db.CreditReports.AsNoTracking().Where(r => r.Id == request.ReportId)
            .Join(db.LoanApplications.VisibleTo(user), r => r.ApplicationId, a => a.Id, (r, a) => new { Report = r, a.Number })
            .FirstOrDefaultAsync(ct);
        if (found is null) return Result<CreditReportContent>.Fail([NotFound]);

        var content = CreditReportSeal.Open(await personalData.GetAsync(ct), found.Report.Payload);
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.revealed", "lead", found.Report.LeadId.ToString(),
            new { field = RevealedField, masked = found.Number, report = found.Report.Id, reason = reason.Value });
        await db.SaveChangesAsync(ct);
        return Result<CreditReportContent>.Ok(content);
    }
}
