using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>One import with its counts (null when it does not exist or the member may not see it).</summary>
public sealed class GetLeadImport(ICurrentUserAccessor current, ITenantDbContextFactory contexts)
{
    public async Task<ImportSummary?> HandleAsync(Guid importId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var import = await db.LeadImports.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(i => i.Id == importId, ct);
        return import is null ? null : ImportSummary.From(import);
    }
}
