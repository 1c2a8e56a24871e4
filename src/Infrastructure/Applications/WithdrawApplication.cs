using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

public sealed record WithdrawApplicationRequest(Guid ApplicationId, long Version, string? Reason);

/// <summary>
/// The sales side withdraws an application not yet decided (草稿, 审批中, 退回补件), with a reason; audited.
/// Refusals: Application.NotFound / ChangedByOthers / NotOpen, Reason.Required / TooLong.
/// </summary>
public sealed class WithdrawApplication(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, IEnumerable<IApplicationSubmissionHook> hooks,
    AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<long>> HandleAsync(WithdrawApplicationRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var reason = LeadDetailAccess.Reason(request.Reason);
        if (!reason.Succeeded) return Result<long>.Fail(reason.Errors);
        await using var db = contexts.Create();
        var application = await db.LoanApplications.WorkableBy(user).FirstOrDefaultAsync(a => a.Id == request.ApplicationId, ct);
        if (application is null) return Result<long>.Fail([ApplicationAccess.NotFound]);
        if (application.Version != request.Version) return Result<long>.Fail([ApplicationAccess.ChangedByOthers]);
        if (!ApplicationInputRules.IsOpen(application.Status)) return Result<long>.Fail("Application", "NotOpen");

        var from = application.Status;
        var now = time.GetUtcNow();
        foreach (var hook in hooks) await hook.OnWithdrawingAsync(db, application, user.UserId, now, ct);
        application.Status = ApplicationStatus.Withdrawn;
        application.CurrentStep = null;
        ApplicationAccess.Touch(application, now);
        ApplicationAccess.Audit(audit, db, user, "withdrawn", application, new { from = from.ToString(), reason = reason.Value });
        var saved = await ApplicationAccess.SaveAsync(db, ct);
        if (!saved.Succeeded) return Result<long>.Fail(saved.Errors);
        await ApplicationAccess.PublishChangedAsync(live, tenant, application, ct);
        foreach (var hook in hooks) await hook.OnCommittedAsync(application, ct);
        return Result<long>.Ok(application.Version);
    }
}
