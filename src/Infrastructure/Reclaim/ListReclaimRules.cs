using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Reclaim;

/// <summary>The agency's reclaim rules in order (needs ManageSettings).</summary>
public sealed class ListReclaimRules(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<IReadOnlyList<ReclaimRule>> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        return await db.ReclaimRules.AsNoTracking().Where(r => !r.IsArchived).OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ToListAsync(ct);
    }
}
