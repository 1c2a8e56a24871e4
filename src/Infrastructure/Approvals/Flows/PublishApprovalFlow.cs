using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Approvals.Flows;

/// <summary>
/// Publishes a flow's draft (needs ManageSettings): refused with every problem (<see cref="ApprovalFlowData.ToErrors"/>:
/// "Nodes.{id}" / "Flow" with the problem kind) — structure, branch conditions over the agency's fields, approvers that
/// exist. The previously published version is retired; applications already submitted keep the version id they pinned.
/// Refusals also: Flow.NotFound, ChangedByOthers.
/// </summary>
public sealed class PublishApprovalFlow(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live,
    TimeProvider time)
{
    public async Task<Result> HandleAsync(string flowKey, Guid draftId, long revision, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var versions = await ApprovalFlowData.VersionsAsync(db, flowKey, ct);
        var draft = versions.FirstOrDefault(v => v.Id == draftId);
        if (draft is null) return Result.Fail("Flow", "NotFound");
        if (draft.Status != ApprovalFlowStatus.Draft || draft.Revision != revision) return Result.Fail([ConcurrentSave.ChangedByOthers]);
        var problems = await ApprovalFlowData.ProblemsAsync(db, draft.Definition, ct);
        if (problems.Count > 0) return Result.Fail(ApprovalFlowData.ToErrors(problems));

        var now = time.GetUtcNow();
        var retired = versions.Where(v => v.Status == ApprovalFlowStatus.Published).ToList();
        foreach (var old in retired)
        {
            old.Status = ApprovalFlowStatus.Retired;
            old.UpdatedAt = now;
            old.Revision++;
        }

        draft.Status = ApprovalFlowStatus.Published;
        draft.PublishedAt = now;
        draft.UpdatedAt = now;
        draft.Revision++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "approvalflow.published", "approvalflow", flowKey, new
        {
            name = draft.Name, version = draft.Version, retired = retired.Select(r => r.Version).ToList(),
        });
        var saved = await ConcurrentSave.SaveAsync(db, ct);
        if (saved.Succeeded) await live.PublishAsync(ApprovalFlowData.Topic(tenant.Required.Id), ApprovalFlowData.Changed, ct);
        return saved;
    }
}
