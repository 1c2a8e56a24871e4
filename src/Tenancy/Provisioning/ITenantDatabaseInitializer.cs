using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Tenancy.Provisioning;

/// <summary>What provisioning and the migrate command need from the agency data model (implemented in Infrastructure). Every method is idempotent.</summary>
public interface ITenantDatabaseInitializer
{
    /// <summary>Applies pending migrations; returns the id of the latest applied migration.</summary>
    Task<string?> MigrateAsync(TenantInfo tenant, CancellationToken ct);

    Task SeedDefaultsAsync(TenantInfo tenant, CancellationToken ct);

    Task CreateOwnerAsync(TenantInfo tenant, PendingOwner owner, CancellationToken ct);
}
