using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

public sealed record SubmitApplicationRequest(Guid ApplicationId, long Version);

/// <summary>The submitted application's new version, or (refused as Admission.Refused) the admission rules that blocked it.</summary>
public sealed record SubmitOutcome(long Version, IReadOnlyList<AdmissionFailure> Failures);

/// <summary>
/// 提交审批: a draft or returned application goes into approval. The agency's admission rules (进件准入) are checked on
/// the customer, product, terms and missing required documents; any that holds refuses the submission with its
/// message (audited as <c>application.refused</c>). Otherwise, in one save: every <see cref="IApplicationSubmissionHook"/>
/// (the approval flow starts or resumes), the status, the audit entry and the customer's card moving to the board's
/// 进件 stage (key <see cref="DefaultFunnel.ApplicationStageKey"/>) unless it is there or further already.
/// Refusals: Application.NotFound / ChangedByOthers / NotEditable, Admission.Refused.
/// </summary>
public sealed class SubmitApplication(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, IEnumerable<IApplicationSubmissionHook> hooks,
    AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public static readonly FieldError Refused = new("Admission", "Refused");

    public async Task<Result<SubmitOutcome>> HandleAsync(SubmitApplicationRequest request, CancellationToken ct) =>
        await SubmitAsAsync(await current.RequireAsync(Permission.None, ct), request, ct);

    /// <summary>As <paramref name="user"/> (the demo seeder submits its sample applications).</summary>
    public async Task<Result<SubmitOutcome>> SubmitAsAsync(CurrentUser user, SubmitApplicationRequest request, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var application = await db.LoanApplications.WorkableBy(user).FirstOrDefaultAsync(a => a.Id == request.ApplicationId, ct);
        if (application is null) return Result<SubmitOutcome>.Fail([ApplicationAccess.NotFound]);
        if (application.Version != request.Version) return Result<SubmitOutcome>.Fail([ApplicationAccess.ChangedByOthers]);
        if (!ApplicationInputRules.IsEditable(application.Status)) return Result<SubmitOutcome>.Fail([ApplicationAccess.NotEditable]);

        var lead = await db.Leads.Include(l => l.CustomValues).FirstAsync(l => l.Id == application.LeadId, ct);
        var product = await db.LoanProducts.AsNoTracking().FirstAsync(p => p.Id == application.ProductId, ct);
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == application.Id).ToListAsync(ct);
        var missing = ApplicationChecklist.Missing(product.RequiredDocuments, documents);
        var now = time.GetUtcNow();
        var failures = await CheckAdmission.FailuresAsync(db, lead, product, application, missing.Count, now, ct);
        if (failures.Count > 0)
        {
            ApplicationAccess.Audit(audit, db, user, "refused", application, new
            {
                rules = string.Join("、", failures.Select(f => f.RuleName)), messages = string.Join("；", failures.Select(f => f.Message)),
            });
            await db.SaveChangesAsync(ct);
            return new Result<SubmitOutcome> { Errors = [Refused], Value = new SubmitOutcome(application.Version, failures) };
        }

        var resubmission = application.Status == ApplicationStatus.Returned;
        var before = application.Status;
        try
        {
            foreach (var hook in hooks) await hook.OnSubmittingAsync(db, application, resubmission, user.UserId, now, ct);
        }
        catch (SubmissionRefusedException refused)
        {
            return Result<SubmitOutcome>.Fail([refused.Error]);
        }

        // The approval hook sets the status itself (a flow without approve steps even ends at once).
        if (application.Status == before) application.Status = ApplicationStatus.InApproval;

        application.SubmittedAt = now;
        application.SubmittedById = user.UserId;
        ApplicationAccess.Touch(application, now);
        ApplicationAccess.Audit(audit, db, user, "submitted", application, new { resubmission, missing = missing.Count });
        var move = await MoveCardAsync(db, lead, user, now, ct);
        var saved = await ApplicationAccess.SaveAsync(db, ct);
        if (!saved.Succeeded) return Result<SubmitOutcome>.Fail(saved.Errors);

        if (move is { } moved) await live.PublishAsync(BoardEvents.Topic(tenant.Required.Id, moved.BoardId), BoardEvents.Moved(lead, moved.FromStageId, user.UserId), ct);
        await ApplicationAccess.PublishChangedAsync(live, tenant, application, ct);
        foreach (var hook in hooks) await hook.OnCommittedAsync(application, ct);
        return Result<SubmitOutcome>.Ok(new SubmitOutcome(application.Version, []));
    }

    /// <summary>
    /// The customer's card to the 进件 stage of its board, as a consequence of the submission: no WIP limit or entry
    /// requirement stops it (the submission is what happened), and a card at that stage or further stays.
    /// </summary>
    private async Task<LeadStageChange?> MoveCardAsync(AgencyDbContext db, Lead lead, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        if (lead.Status != LeadStatus.Active || lead.StageId is not { } fromId) return null;
        var from = await db.FunnelStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == fromId, ct);
        if (from is null) return null;
        var to = await db.FunnelStages.AsNoTracking()
            .FirstOrDefaultAsync(s => s.BoardId == from.BoardId && s.Key == DefaultFunnel.ApplicationStageKey && !s.IsArchived, ct);
        if (to is null || from.Id == to.Id || from.Order >= to.Order || from.Category != StageCategory.Open) return null;

        lead.EnterStage(to.Id, now);
        LeadDetailAccess.Touch(lead, now);
        var change = new LeadStageChange
        {
            LeadId = lead.Id, BoardId = to.BoardId, FromStageId = from.Id, ToStageId = to.Id, MovedById = user.UserId, MovedByName = user.FullName, MovedAt = now,
        };
        db.LeadStageChanges.Add(change);
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.moved", "lead", lead.Id.ToString(), new { from = from.Name, to = to.Name });
        return change;
    }
}
