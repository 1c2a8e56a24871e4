using LoanSaaS.Domain.Automation;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Automation;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Integration.Tests.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Automation;

/// <summary>Helpers of the automation tests: saving rules, waiting for runs, running the time-based rules at a chosen clock.</summary>
public static class AutomationWorld
{
    public static SaveAutomationRuleRequest Rule(string name, TriggerKind trigger, ConditionNode? condition, params AutomationAction[] actions) =>
        new(null, 0, name, trigger, null, null, 0, TimeUnit.Days, condition ?? ConditionGroup.AllOf(), actions);

    public static async Task<Guid> SaveAsync(this MemberScope owner, SaveAutomationRuleRequest request)
    {
        var saved = await owner.Get<SaveAutomationRule>().HandleAsync(request, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(",", saved.Errors.Select(e => $"{e.Field}.{e.Code}")));
        return saved.Value;
    }

    /// <summary>The runs of a rule, once <paramref name="done"/> holds for them (within 20 s).</summary>
    public static async Task<List<AutomationRun>> RunsAsync(this AppHost app, LeadListWorld w, Guid ruleId, Func<List<AutomationRun>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = app.OpenAgencyDb(w.Agency.Info);
            var runs = await db.AutomationRuns.AsNoTracking().Where(r => r.RuleId == ruleId).OrderBy(r => r.Id).ToListAsync();
            if (done(runs)) return runs;
            if (DateTime.UtcNow > until) Assert.Fail($"Runs of {ruleId} never became as expected: {string.Join(", ", runs.Select(r => $"{r.Result}/{r.Error}"))}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the agency has no automation event left to drain (a chain of rules has settled).</summary>
    public static async Task QuietAsync(this AppHost app, LeadListWorld w)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            await using var db = app.OpenAgencyDb(w.Agency.Info);
            if (!await db.AutomationEvents.AnyAsync(e => e.ProcessedAt == null)) return;
            await Task.Delay(100);
        }
        Assert.Fail("Automation events were left undrained.");
    }

    /// <summary>The time-based rules of the agency, one pass, with the clock at <paramref name="now"/>, on the fixture app or another node.</summary>
    public static RunTimeRules TimeRulesAt(this AppHost app, DateTimeOffset now, IServiceProvider? node = null)
    {
        var time = new FixedTime(now);
        var s = node ?? app.Services;
        return new RunTimeRules(s.GetRequiredService<TenantDatabaseConnector>(), Runner(s, time), time);
    }

    public static RunAutomationEvents Drainer(this AppHost app, IServiceProvider? node = null)
    {
        var s = node ?? app.Services;
        return new RunAutomationEvents(s.GetRequiredService<TenantDatabaseConnector>(), Runner(s, TimeProvider.System), TimeProvider.System);
    }

    private static AutomationRunner Runner(IServiceProvider s, TimeProvider time) =>
        new(s.GetRequiredService<TenantDatabaseConnector>(), s.GetRequiredService<AutomationHooks>(), s.GetRequiredService<TenantKeyRing>(),
            s.GetRequiredService<AuditLog>(), s.GetRequiredService<ILiveEvents>(), time, s.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AutomationRunner>>());
}
