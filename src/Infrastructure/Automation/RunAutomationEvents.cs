using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>
/// Drains one agency's automation events: each is claimed by a conditional update (a node that dies lets its claim
/// expire), the rules it triggers are checked on its leads in memory and run through <see cref="AutomationRunner"/>.
/// </summary>
public sealed class RunAutomationEvents(TenantDatabaseConnector connector, AutomationRunner runner, TimeProvider time)
{
    public const int BatchSize = 20;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private const int LeadChunk = 500;

    /// <returns>Events handled.</returns>
    public async Task<int> HandleAsync(TenantInfo agency, CancellationToken ct)
    {
        var handled = 0;
        await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
        while (true)
        {
            var now = time.GetUtcNow();
            var pending = await db.AutomationEvents.AsNoTracking().Where(e => e.ProcessedAt == null && (e.ClaimedUntil == null || e.ClaimedUntil < now))
                .OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
            if (pending.Count == 0) return handled;
            foreach (var e in pending)
            {
                var until = now + ClaimFor;
                var claimed = await db.AutomationEvents.Where(x => x.Id == e.Id && x.ProcessedAt == null && (x.ClaimedUntil == null || x.ClaimedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, until), ct);
                if (claimed != 1) continue;
                await RunAsync(db, agency, e, ct);
                var done = time.GetUtcNow();
                await db.AutomationEvents.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ProcessedAt, done), ct);
                handled++;
            }
        }
    }

    /// <summary>Deletes events processed before <paramref name="before"/>.</summary>
    public async Task ForgetProcessedAsync(TenantInfo agency, DateTimeOffset before, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
        await db.AutomationEvents.Where(e => e.ProcessedAt != null && e.ProcessedAt < before).ExecuteDeleteAsync(ct);
    }

    private async Task RunAsync(AgencyDbContext db, TenantInfo agency, AutomationEvent e, CancellationToken ct)
    {
        var rules = (await db.AutomationRules.AsNoTracking().Where(r => r.IsEnabled && !r.IsArchived && r.Trigger == e.Kind).OrderBy(r => r.CreatedAt).ToListAsync(ct))
            .Where(r => AutomationTriggers.Matches(r, e.Kind, e.Detail)).ToList();
        if (rules.Count == 0) return;
        var schema = (await CustomFieldSet.LoadAsync(db, ct)).Schema;
        var now = time.GetUtcNow();
        var prepared = rules.Where(r => ConditionCompiler.Validate(r.Condition, schema).Count == 0)
            .Select(r => new PreparedRule(r, ConditionCompiler.Predicate(r.Condition, schema, now))).ToList();
        var key = AutomationTriggers.EventKey(e.Id);
        foreach (var chunk in e.LeadIds.Chunk(LeadChunk))
        {
            var leads = await db.Leads.AsNoTracking().Include(l => l.Tags).Include(l => l.CustomValues).Where(l => chunk.Contains(l.Id)).AsSplitQuery().ToListAsync(ct);
            foreach (var lead in leads)
                foreach (var rule in prepared.Where(p => p.Holds(lead)))
                    await runner.TryRunAsync(agency, rule, lead.Id, new Occurrence(key, null, null), e.Depth, ct);
        }
    }
}
