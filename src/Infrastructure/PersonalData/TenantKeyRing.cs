using System.Collections.Concurrent;
using System.Security.Cryptography;
using LoanSaaS.Tenancy.Catalog;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.PersonalData;

/// <summary>Agencies' data keys, unwrapped once and cached. A key is created (and wrapped into the catalog) on first use.</summary>
public sealed class TenantKeyRing(CatalogDbContextFactory catalog, MasterKey master)
{
    private readonly ConcurrentDictionary<Guid, PersonalDataProtector> _protectors = new();

    public async ValueTask<PersonalDataProtector> ForAsync(Guid tenantId, CancellationToken ct)
    {
        if (_protectors.TryGetValue(tenantId, out var cached)) return cached;
        var key = await LoadOrCreateAsync(tenantId, ct);
        return _protectors.GetOrAdd(tenantId, _ => new PersonalDataProtector(key));
    }

    private async Task<byte[]> LoadOrCreateAsync(Guid tenantId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = catalog.Create();
            var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, ct)
                ?? throw new InvalidOperationException($"Agency {tenantId} does not exist.");
            if (tenant.WrappedDataKey is { } wrapped) return master.Unwrap(tenantId, wrapped);

            var key = RandomNumberGenerator.GetBytes(MasterKey.Size);
            tenant.WrappedDataKey = master.Wrap(tenantId, key);
            tenant.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                return key;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Another node created the key (or the tenant changed) meanwhile: read again.
            }
        }
    }
}
