using LoanSaaS.Infrastructure.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>Runs queued imports off the request (two at a time per node), each in a scope bound to its agency; and, on start, recovers imports a restart interrupted.</summary>
public sealed class ImportWorker(ImportQueue queue, TenantScopes scopes, ImportRecovery recovery, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovering = recovery.RunAsync(stoppingToken);
        await Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = stoppingToken },
            async (job, ct) =>
            {
                try
                {
                    await using var scope = scopes.Begin(job.Tenant);
                    await scope.ServiceProvider.GetRequiredService<LeadImportRunner>().RunAsync(job.ImportId, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Import {ImportId} of agency {TenantId} could not run", job.ImportId, job.Tenant.Id);
                }
            });
        await recovering;
    }
}
