using System.Collections.Concurrent;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Tenancy.Provisioning;

/// <summary>
/// Walks an agency from Registered to Completed. Each step is idempotent and the reached step is saved after it,
/// so a failed run leaves the agency Failed at a known step and <see cref="ProvisionAsync"/> resumes from there.
/// An agency is Active only after every step succeeded: never a half-usable workspace.
/// </summary>
public sealed class TenantProvisioner(
    CatalogDbContextFactory catalog,
    TenantDatabaseCreator creator,
    ITenantDatabaseInitializer initializer,
    ILiveEvents live,
    TimeProvider time,
    ILogger<TenantProvisioner> logger)
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _running = new();

    public async Task<TenantState> ProvisionAsync(Guid tenantId, CancellationToken ct)
    {
        var gate = _running.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await RunAsync(tenantId, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TenantState> RunAsync(Guid tenantId, CancellationToken ct)
    {
        await using var db = catalog.Create();
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, ct)
            ?? throw new InvalidOperationException($"Agency {tenantId} does not exist.");
        if (tenant.ProvisioningStep == ProvisioningStep.Completed) return tenant.State;

        tenant.State = TenantState.Provisioning;
        tenant.ProvisioningError = null;
        await SaveAsync(db, tenant, ct);
        try
        {
            while (tenant.ProvisioningStep != ProvisioningStep.Completed)
            {
                await RunStepAsync(tenant, ct);
                tenant.ProvisioningStep++;
                if (tenant.ProvisioningStep == ProvisioningStep.Completed)
                {
                    tenant.State = TenantState.Active;
                    tenant.ActivatedAt = time.GetUtcNow();
                    tenant.PendingOwner = null;
                }
                await SaveAsync(db, tenant, ct);
            }
            logger.LogInformation("Agency {Slug} provisioned", tenant.Slug);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Provisioning of agency {Slug} failed at step {Step}", tenant.Slug, tenant.ProvisioningStep);
            tenant.State = TenantState.Failed;
            tenant.ProvisioningError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            await SaveAsync(db, tenant, CancellationToken.None);
        }
        return tenant.State;
    }

    private async Task RunStepAsync(Tenant tenant, CancellationToken ct)
    {
        var info = TenantStore.ToInfo(tenant);
        switch (tenant.ProvisioningStep)
        {
            case ProvisioningStep.Registered:
                await creator.CreateAsync(tenant.DatabaseName, ct);
                break;
            case ProvisioningStep.DatabaseCreated:
                tenant.SchemaVersion = await initializer.MigrateAsync(info, ct);
                break;
            case ProvisioningStep.Migrated:
                await initializer.SeedDefaultsAsync(info, ct);
                break;
            case ProvisioningStep.Seeded:
                if (tenant.PendingOwner is { } owner) await initializer.CreateOwnerAsync(info, owner, ct);
                break;
        }
    }

    private async Task SaveAsync(CatalogDbContext db, Tenant tenant, CancellationToken ct)
    {
        tenant.Version++;
        await db.SaveChangesAsync(ct);
        await live.PublishAsync(ProvisioningProgress.Topic(tenant.Id),
            ProvisioningProgress.Message(tenant.ProvisioningStep, tenant.State, tenant.ProvisioningError), ct);
    }
}
