using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>The import history, newest first: files that were started (an upload abandoned at the mapping step is not history).</summary>
public sealed class ListLeadImports(ICurrentUserAccessor current, ITenantDbContextFactory contexts)
{
    public const int MaxRows = 200;

    public async Task<IReadOnlyList<ImportSummary>> HandleAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var imports = await db.LeadImports.AsNoTracking().VisibleTo(user).Where(i => i.Status != ImportStatus.Uploaded)
            .OrderByDescending(i => i.CreatedAt).Take(MaxRows).ToListAsync(ct);
        return imports.Select(ImportSummary.From).ToList();
    }
}
