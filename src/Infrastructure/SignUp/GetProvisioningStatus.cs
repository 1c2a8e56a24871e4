using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Tenancy.Catalog;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.SignUp;

/// <summary>Where a new agency's provisioning stands. The technical error stays server-side: sign-up is a public page.</summary>
public sealed record ProvisioningStatus(Guid TenantId, string Slug, string Name, TenantState State, ProvisioningStep Step, bool HasError, DateOnly? TrialEndsOn);

/// <summary>
/// The sign-up page reads this once after subscribing to the live progress, so steps finished before the
/// subscription are not missed (<see cref="LoanSaaS.Tenancy.Resolution.TenantInfo"/> lacks the step).
/// </summary>
public sealed class GetProvisioningStatus(CatalogDbContextFactory catalog)
{
    public async Task<ProvisioningStatus?> HandleAsync(Guid tenantId, CancellationToken ct)
    {
        await using var db = catalog.Create();
        return await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId && t.State != TenantState.Deleted)
            .Select(t => new ProvisioningStatus(t.Id, t.Slug, t.Name, t.State, t.ProvisioningStep, t.ProvisioningError != null, t.TrialEndsOn))
            .FirstOrDefaultAsync(ct);
    }
}
