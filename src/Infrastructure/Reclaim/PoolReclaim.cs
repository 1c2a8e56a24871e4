using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Infrastructure.Reclaim;

/// <summary>One reclaim pass over every active agency (<see cref="ReclaimLeads"/> each).</summary>
public sealed class PoolReclaim(CatalogDbContextFactory catalog, ReclaimLeads reclaim, ILogger<PoolReclaim> logger)
{
    public async Task<ReclaimRun> HandleAsync(DateTimeOffset now, CancellationToken ct)
    {
        List<TenantInfo> agencies;
        await using (var db = catalog.Create())
            agencies = (await db.Tenants.AsNoTracking().Where(t => t.State == TenantState.Active).ToListAsync(ct)).Select(TenantStore.ToInfo).ToList();

        var run = new ReclaimRun(0, 0);
        foreach (var agency in agencies)
        {
            try
            {
                run += await reclaim.HandleAsync(agency, now, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One unreachable agency database must not stop the others.
                logger.LogWarning(e, "Pool reclaim for agency {Slug} failed", agency.Slug);
            }
        }
        return run;
    }
}
