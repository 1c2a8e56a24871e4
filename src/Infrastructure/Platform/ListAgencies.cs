using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Platform;

public sealed record AgencyRow(
    Guid Id, string Slug, string Name, TenantState State, ProvisioningStep Step, string? Error, string Plan, DateOnly? TrialEndsOn,
    DateTimeOffset CreatedAt, int? UserCount, long? DatabaseBytes);

/// <summary>The platform admin's list of agencies, with live user counts and database sizes read from each agency's database.</summary>
public sealed class ListAgencies(CatalogDbContextFactory catalog, ITenantDbContextFactory contexts, TenantDatabaseConnector connector)
{
    public async Task<IReadOnlyList<AgencyRow>> HandleAsync(string? search, CancellationToken ct)
    {
        List<Tenant> tenants;
        await using (var db = catalog.Create())
        {
            var q = db.Tenants.AsNoTracking().Where(t => t.State != TenantState.Deleted);
            if (!string.IsNullOrWhiteSpace(search))
            {
                // Slugs are stored lower-case and SQLite's instr() is case-sensitive: "Demo" must find "demo".
                var term = search.Trim();
                var slugTerm = term.ToLowerInvariant();
                q = q.Where(t => t.Slug.Contains(slugTerm) || t.Name.Contains(term));
            }
            tenants = await q.OrderBy(t => t.Slug).Take(500).ToListAsync(ct);
        }
        var rows = new AgencyRow[tenants.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, tenants.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var t = tenants[i];
            var (users, bytes) = t.ProvisioningStep >= ProvisioningStep.Migrated ? await MeasureAsync(t, token) : (null, null);
            rows[i] = new AgencyRow(t.Id, t.Slug, t.Name, t.State, t.ProvisioningStep, t.ProvisioningError, t.Plan, t.TrialEndsOn, t.CreatedAt, users, bytes);
        });
        return rows;
    }

    private async Task<(int?, long?)> MeasureAsync(Tenant t, CancellationToken ct)
    {
        try
        {
            await using var db = contexts.Create(TenantStore.ToInfo(t));
            return (await db.Users.CountAsync(ct), await connector.SizeAsync(t.DatabaseName, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, null);
        }
    }
}
