using System.Text.RegularExpressions;
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

/// <param name="FlowKey">Lowercase letters, digits and '-', 2-30 characters, new in the agency.</param>
/// <param name="FromSample">Start from a copy of the sample flow; else from 提交进件 → 审批通过 / 审批拒绝.</param>
public sealed record CreateApprovalFlowRequest(string? FlowKey, string? Name, bool FromSample);

/// <summary>Adds a flow key as draft version 1 (needs ManageSettings). Refusals: FlowKey.Required / Invalid / Taken, Name.Required / TooLong.</summary>
public sealed partial class CreateApprovalFlow(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live,
    TimeProvider time)
{
    public async Task<Result<string>> HandleAsync(CreateApprovalFlowRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        var key = request.FlowKey?.Trim().ToLowerInvariant() ?? "";
        var name = request.Name?.Trim() ?? "";
        var errors = new List<FieldError>();
        if (key.Length == 0) errors.Add(new("FlowKey", "Required"));
        else if (key.Length > ApprovalFlowVersion.MaxKeyLength || !KeyPattern().IsMatch(key)) errors.Add(new("FlowKey", "Invalid"));
        var definition = request.FromSample ? SampleApprovalFlow.Create() with { Name = name } : Skeleton(name);
        errors.AddRange(ApprovalFlowData.CheckShape(name, definition));
        if (errors.Count > 0) return Result<string>.Fail(errors);

        await using var db = contexts.Create();
        if (await db.ApprovalFlows.AnyAsync(f => f.FlowKey == key, ct)) return Result<string>.Fail("FlowKey", "Taken");
        var now = time.GetUtcNow();
        var flow = new ApprovalFlowVersion
        {
            FlowKey = key, Name = name, Version = 1, Status = ApprovalFlowStatus.Draft, Definition = definition with { Version = 1 }, CreatedAt = now, UpdatedAt = now,
        };
        db.ApprovalFlows.Add(flow);
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "approvalflow.created", "approvalflow", key, new { name, version = 1, sample = request.FromSample });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin took the key at the same moment (unique FlowKey + Version).
            return Result<string>.Fail("FlowKey", "Taken");
        }

        await live.PublishAsync(ApprovalFlowData.Topic(tenant.Required.Id), ApprovalFlowData.Changed, ct);
        return Result<string>.Ok(key);
    }

    /// <summary>The smallest useful flow: submitted → the applicant's manager → approved, a rejection ends rejected.</summary>
    public static ApprovalFlowDefinition Skeleton(string name) => new(name, 1,
        [
            ApprovalNode.Start("start", "提交进件"),
            ApprovalNode.Approve("review", "主管审批", ApproverSettings.ApplicantManager(24, TimeoutAction.Remind)),
            ApprovalNode.End("approved", "审批通过", ApprovalOutcome.Approved),
            ApprovalNode.End("rejected", "审批拒绝", ApprovalOutcome.Rejected),
        ],
        [new("start", "review", null, false), new("review", "approved", null, false), new("review", "rejected", null, false) { OnRejected = true }]);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,29}$")]
    private static partial Regex KeyPattern();
}
