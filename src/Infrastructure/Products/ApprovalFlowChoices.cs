using LoanSaaS.Domain.Approvals;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Products;

/// <summary>An approval flow a product may run: its key and the name of its newest published version.</summary>
public sealed record FlowChoice(string Key, string Name);

/// <summary>The approval flows a product may choose: the keys with a published version, the default first.</summary>
public static class ApprovalFlowChoices
{
    public static async Task<IReadOnlyList<FlowChoice>> PublishedAsync(AgencyDbContext db, CancellationToken ct)
    {
        var published = await db.ApprovalFlows.AsNoTracking().Where(f => f.Status == ApprovalFlowStatus.Published)
            .Select(f => new { f.FlowKey, f.Name, f.Version }).ToListAsync(ct);
        return published.GroupBy(f => f.FlowKey).Select(g => g.MaxBy(f => f.Version)!)
            .Select(f => new FlowChoice(f.FlowKey, f.Name)).OrderBy(f => f.Key == SampleApprovalFlow.FlowKey ? 0 : 1).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
    }
}
