using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Outbox;
using LoanSaaS.Infrastructure.Scheduling;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>The active agencies, read once per sweep run; one agency's failure is logged and the others go on.</summary>
public sealed class ActiveAgencies(CatalogDbContextFactory catalog, ILogger<ActiveAgencies> logger)
{
    public async Task ForEachAsync(string what, Func<TenantInfo, Task> work, CancellationToken ct)
    {
        List<TenantInfo> agencies;
        await using (var db = catalog.Create())
            agencies = (await db.Tenants.AsNoTracking().Where(t => t.State == TenantState.Active).ToListAsync(ct)).Select(TenantStore.ToInfo).ToList();
        foreach (var agency in agencies)
        {
            try
            {
                await work(agency);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{What} for agency {Slug} failed", what, agency.Slug);
            }
        }
    }
}

/// <summary>"automation-events": drains events no node drained at once (saved on another node, or left by a node that died), and deletes old ones.</summary>
public sealed class AutomationEventSweep(ActiveAgencies agencies, RunAutomationEvents events, IOptions<AutomationOptions> options) : ISweep
{
    public const string SweepName = "automation-events";

    public string Name => SweepName;

    public TimeSpan Interval => options.Value.EventSweepInterval;

    public Task HandleAsync(DateTimeOffset now, CancellationToken ct) => agencies.ForEachAsync(SweepName, async agency =>
    {
        await events.HandleAsync(agency, ct);
        await events.ForgetProcessedAsync(agency, now - options.Value.KeepEvents, ct);
    }, ct);
}

/// <summary>"automation-time": the time-based rules of every active agency.</summary>
public sealed class AutomationTimeSweep(ActiveAgencies agencies, RunTimeRules rules, IOptions<AutomationOptions> options) : ISweep
{
    public const string SweepName = "automation-time";

    public string Name => SweepName;

    public TimeSpan Interval => options.Value.TimeSweepInterval;

    public Task HandleAsync(DateTimeOffset now, CancellationToken ct) => agencies.ForEachAsync(SweepName, agency => rules.HandleAsync(agency, ct), ct);
}

/// <summary>"outbox": SMS and email due in every active agency's outbox.</summary>
public sealed class OutboxSweep(ActiveAgencies agencies, DeliverOutbox outbox, IOptions<AutomationOptions> options) : ISweep
{
    public const string SweepName = "outbox";

    public string Name => SweepName;

    public TimeSpan Interval => options.Value.OutboxSweepInterval;

    public Task HandleAsync(DateTimeOffset now, CancellationToken ct) => agencies.ForEachAsync(SweepName, agency => outbox.HandleAsync(agency, ct), ct);
}
