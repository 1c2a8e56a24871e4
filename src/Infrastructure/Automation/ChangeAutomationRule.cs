using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

public enum AutomationRuleChange { Enable, Disable, Archive }

/// <summary>Turns a rule on or off or deletes it (archived: its run log stays), against its version (needs ManageSettings). Refusals: Rule.NotFound, ChangedByOthers.</summary>
public sealed class ChangeAutomationRule(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AutomationTriggerCache cache,
    AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid ruleId, long version, AutomationRuleChange change, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var rule = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == ruleId && !r.IsArchived, ct);
        if (rule is null || !Enum.IsDefined(change)) return Result.Fail("Rule", "NotFound");
        if (rule.Version != version) return Result.Fail([ConcurrentSave.ChangedByOthers]);
        if (change == AutomationRuleChange.Archive) rule.IsArchived = true;
        else
        {
            if (change == AutomationRuleChange.Enable && !rule.IsEnabled) rule.ActiveSince = time.GetUtcNow();
            rule.IsEnabled = change == AutomationRuleChange.Enable;
        }
        rule.Version++;
        rule.UpdatedAt = time.GetUtcNow();
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "automation." + change.ToString().ToLowerInvariant(), "automation", rule.Id.ToString(), new { name = rule.Name });
        var saved = await ConcurrentSave.SaveAsync(db, ct);
        if (!saved.Succeeded) return saved;
        cache.Forget(tenant.Required.Id);
        await live.PublishAsync(AutomationLive.Topic(tenant.Required.Id), AutomationLive.RulesChanged, ct);
        return saved;
    }
}
