using System.Text.Json;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Approvals.Flows;

/// <param name="BasedOnId">The version the editor opened: the draft (at <paramref name="Revision"/>) or, without a draft, the newest version.</param>
public sealed record SaveApprovalFlowDraftRequest(string FlowKey, Guid BasedOnId, long Revision, string? Name, ApprovalFlowDefinition? Definition);

/// <summary>The saved draft: its id, version number and revision.</summary>
public sealed record SavedApprovalFlowDraft(Guid Id, int Version, long Revision);

/// <summary>
/// Saves the draft of a flow (needs ManageSettings). A published version is never edited: without a draft, saving
/// creates version N+1 as the one draft of the key; with one, it updates it at its revision. A draft may still have
/// problems (publishing checks them). Refusals: Flow.NotFound / Required / TooBig / NodeTooLong, Name.*, ChangedByOthers.
/// </summary>
public sealed class SaveApprovalFlowDraft(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live,
    TimeProvider time)
{
    public async Task<Result<SavedApprovalFlowDraft>> HandleAsync(SaveApprovalFlowDraftRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var versions = await ApprovalFlowData.VersionsAsync(db, request.FlowKey, ct);
        if (versions.Count == 0) return Result<SavedApprovalFlowDraft>.Fail("Flow", "NotFound");
        var errors = ApprovalFlowData.CheckShape(request.Name, request.Definition);
        if (errors.Count > 0) return Result<SavedApprovalFlowDraft>.Fail(errors);

        var now = time.GetUtcNow();
        var name = request.Name!.Trim();
        var draft = versions.FirstOrDefault(v => v.Status == ApprovalFlowStatus.Draft);
        if (draft is not null)
        {
            if (draft.Id != request.BasedOnId || draft.Revision != request.Revision) return Result<SavedApprovalFlowDraft>.Fail([ConcurrentSave.ChangedByOthers]);
            draft.Revision++;
        }
        else
        {
            // Someone published or discarded since the editor opened: the editor must reload first.
            if (versions[0].Id != request.BasedOnId) return Result<SavedApprovalFlowDraft>.Fail([ConcurrentSave.ChangedByOthers]);
            draft = new ApprovalFlowVersion
            {
                FlowKey = request.FlowKey, Name = name, Version = versions[0].Version + 1, Status = ApprovalFlowStatus.Draft,
                Definition = request.Definition!, CreatedAt = now,
            };
            db.ApprovalFlows.Add(draft);
        }

        draft.Name = name;
        draft.Definition = request.Definition! with { Name = name, Version = draft.Version };
        draft.UpdatedAt = now;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "approvalflow.saved", "approvalflow", request.FlowKey, new
        {
            name, version = draft.Version, definition = JsonSerializer.Serialize(draft.Definition),
        });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<SavedApprovalFlowDraft>.Fail(refused.Errors);
        await live.PublishAsync(ApprovalFlowData.Topic(tenant.Required.Id), ApprovalFlowData.Changed, ct);
        return Result<SavedApprovalFlowDraft>.Ok(new(draft.Id, draft.Version, draft.Revision));
    }
}
