using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>
/// After a restart: imports still Queued are queued again (the Queued→Running claim is guarded by the row version, so
/// two nodes never run one import). Imports Running with no progress for <see cref="StaleAfter"/> — a node died
/// mid-file — are marked Failed ("Interrupted") with the counts they reached; they are not resumed, because their
/// rejected rows and in-file duplicates up to that point could not be reconstructed exactly. Re-importing the same
/// file is safe: rows already imported are then found as duplicates.
/// </summary>
public sealed class ImportRecovery(CatalogDbContextFactory catalog, TenantDatabaseConnector connector, ImportQueue queue, AuditLog audit,
    ILiveEvents live, TimeProvider time, IConfiguration configuration, ILogger<ImportRecovery> logger)
{
    private TimeSpan StaleAfter => TimeSpan.FromSeconds(configuration.GetValue("Imports:StaleAfterSeconds", 120));

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(configuration.GetValue("Imports:RecoveryDelaySeconds", 5)), time, ct);
            List<TenantInfo> tenants;
            await using (var db = catalog.Create())
                tenants = (await db.Tenants.AsNoTracking().Where(t => t.State == TenantState.Active).ToListAsync(ct)).Select(TenantStore.ToInfo).ToList();

            var running = new List<(TenantInfo Tenant, Guid Id, long Version)>();
            foreach (var tenant in tenants)
            {
                await using var db = TenantDbContextFactory.For(connector, tenant.DatabaseName);
                var open = await db.LeadImports.AsNoTracking().Where(i => i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running)
                    .Select(i => new { i.Id, i.Status, i.Version }).ToListAsync(ct);
                foreach (var i in open.Where(i => i.Status == ImportStatus.Queued)) await queue.EnqueueAsync(new ImportJob(tenant, i.Id), ct);
                running.AddRange(open.Where(i => i.Status == ImportStatus.Running).Select(i => (tenant, i.Id, i.Version)));
            }
            if (running.Count == 0) return;

            await Task.Delay(StaleAfter, time, ct);
            foreach (var (tenant, id, version) in running) await FailIfStaleAsync(tenant, id, version, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Recovering interrupted imports failed");
        }
    }

    private async Task FailIfStaleAsync(TenantInfo tenant, Guid id, long version, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, tenant.DatabaseName);
        var import = await db.LeadImports.FirstOrDefaultAsync(i => i.Id == id && i.Status == ImportStatus.Running && i.Version == version, ct);
        if (import is null) return;
        import.Status = ImportStatus.Failed;
        import.Error = LeadImportRunner.InterruptedError;
        try
        {
            await LeadImportRunner.FinishAsync(db, import, audit, time);
        }
        catch (DbUpdateConcurrencyException)
        {
            return; // it moved on meanwhile: still alive somewhere
        }
        await live.PublishAsync(ImportEvents.Topic(tenant.Id, id), ImportEvents.Progress(import), ct);
    }
}
