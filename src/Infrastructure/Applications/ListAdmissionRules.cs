using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>The agency's admission rules in order (needs ManageSettings).</summary>
public sealed class ListAdmissionRules(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<IReadOnlyList<AdmissionRule>> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        return await db.AdmissionRules.AsNoTracking().Where(r => !r.IsArchived).OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ToListAsync(ct);
    }
}
