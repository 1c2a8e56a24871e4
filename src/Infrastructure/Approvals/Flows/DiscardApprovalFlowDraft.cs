using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals.Flows;

/// <summary>
/// Deletes a flow's draft (needs ManageSettings); the published version stays as it was. A flow never published goes
/// with its draft, unless a product names it. Refusals: Flow.NotFound, Flow.UsedByProducts, ChangedByOthers.
/// </summary>
public sealed class DiscardApprovalFlowDraft(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live)
{
    public async Task<Result> HandleAsync(string flowKey, Guid draftId, long revision, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var versions = await ApprovalFlowData.VersionsAsync(db, flowKey, ct);
        var draft = versions.FirstOrDefault(v => v.Id == draftId);
        if (draft is null) return Result.Fail("Flow", "NotFound");
        if (draft.Status != ApprovalFlowStatus.Draft || draft.Revision != revision) return Result.Fail([ConcurrentSave.ChangedByOthers]);
        if (versions.Count == 1 && (flowKey == SampleApprovalFlow.FlowKey
                || await db.LoanProducts.AnyAsync(p => p.ApprovalFlowKey == flowKey, ct)))
            return Result.Fail("Flow", "UsedByProducts");

        db.ApprovalFlows.Remove(draft);
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "approvalflow.discarded", "approvalflow", flowKey, new { name = draft.Name, version = draft.Version });
        var saved = await ConcurrentSave.SaveAsync(db, ct);
        if (saved.Succeeded) await live.PublishAsync(ApprovalFlowData.Topic(tenant.Required.Id), ApprovalFlowData.Changed, ct);
        return saved;
    }
}
