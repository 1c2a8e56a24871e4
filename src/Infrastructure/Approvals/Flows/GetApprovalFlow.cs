using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals.Flows;

public sealed record ApprovalFlowMember(string Id, string Name, AgencyRole Role);

/// <summary>
/// What the designer needs for one flow key: the version to edit (the draft, else the published one), every version,
/// the products using the key, the agency's active members (approvers, copies) and fields (branch conditions).
/// </summary>
public sealed record ApprovalFlowDesign(string FlowKey, ApprovalFlowVersion Editable, IReadOnlyList<ApprovalFlowVersionRow> Versions, IReadOnlyList<string> Products,
    IReadOnlyList<ApprovalFlowMember> Members, IReadOnlyList<CustomField> Fields);

/// <summary>One flow key for the designer (needs ManageSettings); null when the agency has no flow of that key.</summary>
public sealed class GetApprovalFlow(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<ApprovalFlowDesign?> HandleAsync(string flowKey, CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var versions = await db.ApprovalFlows.AsNoTracking().Where(f => f.FlowKey == flowKey).OrderByDescending(f => f.Version).ToListAsync(ct);
        if (versions.Count == 0) return null;
        var editable = versions.FirstOrDefault(v => v.Status == ApprovalFlowStatus.Draft) ?? versions.FirstOrDefault(v => v.Status == ApprovalFlowStatus.Published) ?? versions[0];
        var running = await ListApprovalFlows.RunningAsync(db, versions.Select(v => v.Id).ToList(), ct);
        var products = await db.LoanProducts.AsNoTracking().Where(p => p.IsActive && (p.ApprovalFlowKey ?? SampleApprovalFlow.FlowKey) == flowKey)
            .OrderBy(p => p.Code).Select(p => p.Name).ToListAsync(ct);
        var members = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.FullName)
            .Select(u => new ApprovalFlowMember(u.Id, u.FullName, u.Role)).ToListAsync(ct);
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        return new ApprovalFlowDesign(flowKey, editable,
            versions.Select(v => new ApprovalFlowVersionRow(v.Id, v.Version, v.Status, v.CreatedAt, v.PublishedAt, v.UpdatedAt, v.Revision, running.GetValueOrDefault(v.Id))).ToList(),
            products, members, fields.All);
    }
}
