using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Reclaim;

public enum ReclaimRuleChange { Enable, Disable, MoveUp, MoveDown, Archive }

/// <summary>
/// Turns a reclaim rule on or off, moves it one place in the order, or deletes (archives) it (needs ManageSettings),
/// against the version of the rule. Refusals: Rule.NotFound, ChangedByOthers.
/// </summary>
public sealed class ChangeReclaimRule(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid ruleId, long version, ReclaimRuleChange change, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var rules = await db.ReclaimRules.Where(r => !r.IsArchived).OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        var index = rules.FindIndex(r => r.Id == ruleId);
        if (index < 0 || !Enum.IsDefined(change)) return Result.Fail("Rule", "NotFound");
        var rule = rules[index];
        if (rule.Version != version) return Result.Fail([ConcurrentSave.ChangedByOthers]);
        switch (change)
        {
            case ReclaimRuleChange.Enable or ReclaimRuleChange.Disable:
                rule.IsEnabled = change == ReclaimRuleChange.Enable;
                break;
            case ReclaimRuleChange.Archive:
                rule.IsArchived = true;
                break;
            default:
                if (!Reordering.Move(rules, index, change == ReclaimRuleChange.MoveUp ? -1 : 1, r => r.Order, (r, i) => (r.Order, r.Version) = (i, r.Version + 1)))
                    return Result.Ok();
                break;
        }
        if (change is not (ReclaimRuleChange.MoveUp or ReclaimRuleChange.MoveDown)) rule.Version++;
        rule.UpdatedAt = time.GetUtcNow();
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "reclaim." + change.ToString().ToLowerInvariant(), "reclaim", rule.Id.ToString(), new { name = rule.Name });
        return await ConcurrentSave.SaveAsync(db, ct);
    }
}
