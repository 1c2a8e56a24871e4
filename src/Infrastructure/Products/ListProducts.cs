using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Products;

/// <summary>
/// The agency's products by name: every member reads the active ones; <paramref name="includeInactive"/> (the catalog
/// settings) needs ManageSettings.
/// </summary>
public sealed class ListProducts(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<IReadOnlyList<LoanProduct>> HandleAsync(bool includeInactive, CancellationToken ct)
    {
        await current.RequireAsync(includeInactive ? Permission.ManageSettings : Permission.None, ct);
        await using var db = contexts.Create();
        var products = await db.LoanProducts.AsNoTracking().Where(p => includeInactive || p.IsActive).ToListAsync(ct);
        return products.OrderByDescending(p => p.IsActive).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
