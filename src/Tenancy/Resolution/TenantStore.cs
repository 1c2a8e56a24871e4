using LoanSaaS.Tenancy.Catalog;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Tenancy.Resolution;

/// <summary>Reads agencies from the catalog. Not cached, so a suspension takes effect on the next request on every node.</summary>
public sealed class TenantStore(CatalogDbContextFactory catalog)
{
    public async Task<TenantInfo?> FindBySlugAsync(string slug, CancellationToken ct)
    {
        await using var db = catalog.Create();
        var t = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        return t is null ? null : ToInfo(t);
    }

    public async Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken ct)
    {
        await using var db = catalog.Create();
        var t = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return t is null ? null : ToInfo(t);
    }

    public static TenantInfo ToInfo(Tenant t) => new(t.Id, t.Slug, t.Name, t.State, t.DatabaseName, t.Plan, t.TrialEndsOn);
}
