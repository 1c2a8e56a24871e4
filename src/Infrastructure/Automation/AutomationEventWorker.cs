using LoanSaaS.Infrastructure.Outbox;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>
/// Drains an agency's automation events (then its outbox) right after this node saved some, so a rule acts within
/// about a second. A save inside its caller's transaction may signal before the commit: an agency where nothing was
/// found is tried once more a moment later. The <see cref="AutomationEventSweep"/> covers everything else.
/// </summary>
public sealed class AutomationEventWorker(AutomationSignal signal, IServiceScopeFactory scopes, ILogger<AutomationEventWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(400);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var first in signal.Reader.ReadAllAsync(stoppingToken))
        {
            var agencies = new Dictionary<Guid, TenantInfo> { [first.Id] = first };
            while (signal.Reader.TryRead(out var next)) agencies[next.Id] = next;
            foreach (var agency in agencies.Values)
            {
                try
                {
                    if (await DrainAsync(agency, stoppingToken) == 0)
                    {
                        await Task.Delay(Retry, stoppingToken);
                        await DrainAsync(agency, stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Automation events of agency {Slug} failed; the sweep retries", agency.Slug);
                }
            }
        }
    }

    private async Task<int> DrainAsync(TenantInfo agency, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handled = await scope.ServiceProvider.GetRequiredService<RunAutomationEvents>().HandleAsync(agency, ct);
        if (handled > 0) await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().HandleAsync(agency, ct);
        return handled;
    }
}
