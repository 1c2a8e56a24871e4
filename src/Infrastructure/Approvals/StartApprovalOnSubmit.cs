using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>
/// The approval runtime's part of <c>SubmitApplication</c>. A first submission pins the latest published version of the
/// product's flow (its <c>ApprovalFlowKey</c>, else "default") and starts it; a resubmission after 退回补件 resumes the
/// returned node. Refusals (<see cref="SubmissionRefusedException"/>): Approval.NoPublishedFlow, Approval.AlreadyStarted,
/// Approval.NotReturned, Approval.NoApprover. Scoped: one submission per instance, announced after the commit.
/// </summary>
public sealed class StartApprovalOnSubmit(ApprovalRuntime runtime, TenantContext tenant, ILiveEvents live) : IApplicationSubmissionHook
{
    public static readonly FieldError NoPublishedFlow = new("Approval", "NoPublishedFlow");

    private ApprovalChange? _change;

    public async Task OnSubmittingAsync(AgencyDbContext db, LoanApplication application, bool resubmission, string actorId, DateTimeOffset now, CancellationToken ct)
    {
        var actor = await ActorAsync(db, actorId, ct);
        var open = await OpenApprovalAsync(db, application.Id, ct);
        ApprovalFlowVersion flow;
        ApprovalEvent e;
        if (resubmission || open is not null)
        {
            if (open is null) throw new SubmissionRefusedException(new FieldError(ApprovalError.NotReturned.Field, ApprovalError.NotReturned.Code));
            flow = await db.ApprovalFlows.AsNoTracking().FirstAsync(f => f.Id == open.FlowVersionId, ct);
            e = new ApprovalResubmitted();
        }
        else
        {
            var key = await db.LoanProducts.AsNoTracking().Where(p => p.Id == application.ProductId).Select(p => p.ApprovalFlowKey).FirstOrDefaultAsync(ct)
                ?? SampleApprovalFlow.FlowKey;
            flow = await db.ApprovalFlows.AsNoTracking().Where(f => f.FlowKey == key && f.Status == ApprovalFlowStatus.Published)
                .OrderByDescending(f => f.Version).FirstOrDefaultAsync(ct) ?? throw new SubmissionRefusedException(NoPublishedFlow);
            e = new ApprovalSubmitted(flow.Id, flow.Version);
        }

        application.Status = ApplicationStatus.InApproval;
        var applied = await runtime.ApplyAsync(db, application, open, flow, e, actor, now, ct);
        if (applied.Value is null) throw new SubmissionRefusedException(applied.Errors[0]);
        _change = applied.Value;
    }

    public async Task OnWithdrawingAsync(AgencyDbContext db, LoanApplication application, string actorId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await OpenApprovalAsync(db, application.Id, ct);
        if (open is null) return;
        var actor = await ActorAsync(db, actorId, ct);
        var flow = await db.ApprovalFlows.AsNoTracking().FirstAsync(f => f.Id == open.FlowVersionId, ct);
        var applied = await runtime.ApplyAsync(db, application, open, flow, new ApprovalWithdrawn(actorId), actor, now, ct);
        _change = applied.Value;
    }

    public async Task OnCommittedAsync(LoanApplication application, CancellationToken ct)
    {
        if (_change is { } change && change.ApplicationId == application.Id)
        {
            _change = null;
            await change.PublishAsync(live, tenant.Required.Id, ct);
        }
    }

    /// <summary>The application's approval still in progress (running or returned for more documents), if any.</summary>
    private static Task<ApplicationApproval?> OpenApprovalAsync(AgencyDbContext db, Guid applicationId, CancellationToken ct) =>
        db.ApplicationApprovals
            .Where(a => a.ApplicationId == applicationId && (a.Status == ApprovalInstanceStatus.Running || a.Status == ApprovalInstanceStatus.Returned))
            .OrderByDescending(a => a.StartedAt).FirstOrDefaultAsync(ct);

    private static async Task<AuditActor> ActorAsync(AgencyDbContext db, string actorId, CancellationToken ct) =>
        new(actorId, await db.Users.AsNoTracking().Where(u => u.Id == actorId).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? "");
}
