using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Credit;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Credit;

/// <summary>
/// Pulls the customer's credit report for an application (查征信) and attaches it sealed. Needs an application in the
/// member's scope (or ApproveApplications), the customer's recorded consent and ID number; the ID number is unsealed
/// only to ask the provider. A customer whose credit was 不清楚 (or never given) takes the report's reading, on the
/// timeline. One pull per application and day: a second one (double click, two tabs) answers with the first.
/// </summary>
public sealed class PullCreditReport(
    ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, TenantPersonalData personalData,
    ICreditReportProvider provider, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public static readonly FieldError ConsentMissing = new("Consent", "Required");
    public static readonly FieldError IdNumberMissing = new("IdNumber", "Required");
    public static readonly FieldError Closed = new("Application", "Closed");

    public async Task<Result<Guid>> HandleAsync(Guid applicationId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var application = await db.LoanApplications.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null) return Result<Guid>.Fail([ApplicationAccess.NotFound]);
        if (application.Status is ApplicationStatus.Withdrawn or ApplicationStatus.Rejected) return Result<Guid>.Fail([Closed]);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == application.LeadId, ct);
        if (lead is null) return Result<Guid>.Fail([ApplicationAccess.NotFound]);
        if (lead.ConsentAt is null) return Result<Guid>.Fail([ConsentMissing]);
        if (!lead.IdNumber.HasValue) return Result<Guid>.Fail([IdNumberMissing]);

        var now = time.GetUtcNow();
        var today = Shanghai.DateOf(now);
        var pulled = await db.CreditReports.AsNoTracking().Where(r => r.ApplicationId == application.Id && r.ReportDate == today).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (pulled is { } existing) return Result<Guid>.Ok(existing);

        var protector = await personalData.GetAsync(ct);
        var report = await provider.FetchAsync(new CreditSubject(lead.Name, protector.Decrypt(PersonalDataKind.IdNumber, lead.IdNumber.Cipher!)), today, ct);
        var row = new CreditReport
        {
            ApplicationId = application.Id, LeadId = lead.Id, Provider = provider.Name, ReportDate = report.ReportDate,
            Score = report.Score, CurrentOverdueCount = report.CurrentOverdueCount, Queries6Months = report.Queries6Months,
            Payload = CreditReportSeal.Seal(protector, report), PulledById = user.UserId, PulledByName = user.FullName, PulledAt = now,
        };
        db.CreditReports.Add(row);

        List<FieldChange> changes = [];
        if (lead.CreditStatus is null or CreditStatus.Unknown)
        {
            changes.Add(new FieldChange(nameof(Lead.CreditStatus), LeadChanges.Text(lead.CreditStatus), LeadChanges.Text(report.SuggestedStatus)));
            lead.CreditStatus = report.SuggestedStatus;
            LeadDetailAccess.Touch(lead, now);
        }
        var actor = LeadDetailAccess.Actor(user);
        var summary = new { score = report.Score, overdue = report.CurrentOverdueCount, queries = report.Queries6Months };
        audit.Add(db, actor, "application.creditpulled", "application", application.Id.ToString(), new { report = row.Id, provider = provider.Name, summary.score, summary.overdue, summary.queries });
        audit.Add(db, actor, "lead.creditpulled", "lead", lead.Id.ToString(),
            new { application = application.Number, summary.score, summary.overdue, summary.queries, changes });
        var saved = await LeadDetailAccess.SaveAsync(db, ct);
        if (!saved.Succeeded) return Result<Guid>.Fail(saved.Errors);
        await LeadDetailAccess.PublishChangedAsync(live, tenant, lead.Id, ct);
        return Result<Guid>.Ok(row.Id);
    }
}
