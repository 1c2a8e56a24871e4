using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Products;

/// <summary>An approval flow a product may run: its key and the name of its newest published version.</summary>
public sealed record FlowChoice(string Key, string Name);

/// <summary>The agency's approval flows with a published version, for the product editor (needs ManageSettings).</summary>
public sealed class ListApprovalFlowKeys(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<IReadOnlyList<FlowChoice>> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        return await PublishedAsync(db, ct);
    }

    public static async Task<IReadOnlyList<FlowChoice>> PublishedAsync(AgencyDbContext db, CancellationToken ct)
    {
        var published = await db.ApprovalFlows.AsNoTracking().Where(f => f.Status == ApprovalFlowStatus.Published)
            .Select(f => new { f.FlowKey, f.Name, f.Version }).ToListAsync(ct);
        return published.GroupBy(f => f.FlowKey).Select(g => g.MaxBy(f => f.Version)!)
            .Select(f => new FlowChoice(f.FlowKey, f.Name)).OrderBy(f => f.Key == SampleApprovalFlow.FlowKey ? 0 : 1).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
    }
}
