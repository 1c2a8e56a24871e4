using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Tenancy.Provisioning;

/// <summary>Runs provisioning off the request, so the sign-up page can show progress while it happens.</summary>
public sealed class ProvisioningQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();

    public ValueTask EnqueueAsync(Guid tenantId, CancellationToken ct = default) => _channel.Writer.WriteAsync(tenantId, ct);

    internal IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

public sealed class ProvisioningWorker(ProvisioningQueue queue, IServiceProvider services, ILogger<ProvisioningWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Parallel.ForEachAsync(queue.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = stoppingToken },
            async (tenantId, ct) =>
            {
                try
                {
                    await services.GetRequiredService<TenantProvisioner>().ProvisionAsync(tenantId, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Provisioning of {TenantId} could not run", tenantId);
                }
            });
    }
}
