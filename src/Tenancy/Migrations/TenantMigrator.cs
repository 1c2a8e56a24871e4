using System.Diagnostics;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Tenancy.Migrations;

public sealed record TenantMigrationResult(string Slug, bool Succeeded, string? SchemaVersion, TimeSpan Elapsed, string? Error);

/// <summary>Migrates the catalog, then every agency database with bounded parallelism, recording each schema version.</summary>
public sealed class TenantMigrator(CatalogDbContextFactory catalog, ITenantDatabaseInitializer initializer)
{
    public async Task MigrateCatalogAsync(CancellationToken ct)
    {
        await using var db = catalog.Create();
        await db.Database.MigrateAsync(ct);
    }

    public async Task<IReadOnlyList<TenantMigrationResult>> MigrateTenantsAsync(int parallelism, Action<TenantMigrationResult>? report, CancellationToken ct)
    {
        List<Tenant> tenants;
        await using (var db = catalog.Create())
        {
            // Agencies whose database does not exist yet are left to provisioning.
            tenants = await db.Tenants.AsNoTracking()
                .Where(t => t.State != TenantState.Deleted && t.ProvisioningStep != ProvisioningStep.Registered)
                .OrderBy(t => t.Slug)
                .ToListAsync(ct);
        }

        var results = new List<TenantMigrationResult>(tenants.Count);
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct },
            async (tenant, token) =>
            {
                var result = await MigrateOneAsync(tenant, token);
                lock (results) results.Add(result);
                report?.Invoke(result);
            });
        return results.OrderBy(r => r.Slug, StringComparer.Ordinal).ToList();
    }

    private async Task<TenantMigrationResult> MigrateOneAsync(Tenant tenant, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var version = await initializer.MigrateAsync(TenantStore.ToInfo(tenant), ct);
            await using var db = catalog.Create();
            await db.Tenants.Where(t => t.Id == tenant.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.SchemaVersion, version), ct);
            return new(tenant.Slug, true, version, clock.Elapsed, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(tenant.Slug, false, null, clock.Elapsed, e.Message);
        }
    }
}
