using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals.Flows;

/// <param name="Running">Applications pinned to this version still in approval (审批中 or 已退回).</param>
public sealed record ApprovalFlowVersionRow(Guid Id, int Version, ApprovalFlowStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt, long Revision, int Running);

/// <summary>One flow key: its name, the published version and the draft if any, every version, and the products that use it.</summary>
public sealed record ApprovalFlowSummary(string FlowKey, string Name, ApprovalFlowVersionRow? Published, ApprovalFlowVersionRow? Draft,
    IReadOnlyList<ApprovalFlowVersionRow> Versions, IReadOnlyList<string> Products);

/// <summary>The agency's approval flows, the default one first (needs ManageSettings).</summary>
public sealed class ListApprovalFlows(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<IReadOnlyList<ApprovalFlowSummary>> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var versions = await db.ApprovalFlows.AsNoTracking()
            .Select(f => new { f.Id, f.FlowKey, f.Name, f.Version, f.Status, f.CreatedAt, f.PublishedAt, f.UpdatedAt, f.Revision }).ToListAsync(ct);
        var running = await RunningAsync(db, versions.Select(v => v.Id).ToList(), ct);
        var products = await db.LoanProducts.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code)
            .Select(p => new { p.Name, p.ApprovalFlowKey }).ToListAsync(ct);
        return versions.GroupBy(v => v.FlowKey, StringComparer.Ordinal)
            .Select(g =>
            {
                var rows = g.OrderByDescending(v => v.Version)
                    .Select(v => new ApprovalFlowVersionRow(v.Id, v.Version, v.Status, v.CreatedAt, v.PublishedAt, v.UpdatedAt, v.Revision, running.GetValueOrDefault(v.Id)))
                    .ToList();
                var published = rows.FirstOrDefault(r => r.Status == ApprovalFlowStatus.Published);
                var draft = rows.FirstOrDefault(r => r.Status == ApprovalFlowStatus.Draft);
                var name = g.First(v => v.Id == (draft ?? published ?? rows[0]).Id).Name;
                return new ApprovalFlowSummary(g.Key, name, published, draft, rows,
                    products.Where(p => (p.ApprovalFlowKey ?? SampleApprovalFlow.FlowKey) == g.Key).Select(p => p.Name).ToList());
            })
            .OrderBy(s => s.FlowKey == SampleApprovalFlow.FlowKey ? 0 : 1).ThenBy(s => s.FlowKey, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Applications in approval (or returned) per pinned flow version.</summary>
    public static async Task<Dictionary<Guid, int>> RunningAsync(AgencyDbContext db, IReadOnlyList<Guid> versionIds, CancellationToken ct) =>
        (await db.LoanApplications.AsNoTracking()
            .Where(a => a.ApprovalFlowVersionId != null && versionIds.Contains(a.ApprovalFlowVersionId.Value)
                && (a.Status == ApplicationStatus.InApproval || a.Status == ApplicationStatus.Returned))
            .GroupBy(a => a.ApprovalFlowVersionId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Count);
}
