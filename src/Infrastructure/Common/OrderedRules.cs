using LoanSaaS.Domain.Automation;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Common;

public enum RuleChange { Enable, Disable, MoveUp, MoveDown, Archive }

/// <summary>What the use cases of ordered rules (assignment, reclaim) share: finding the rule to save, and on/off, up/down, archive.</summary>
public static class OrderedRules
{
    public static readonly FieldError NotFound = new("Rule", "NotFound");

    /// <summary>The rule at <paramref name="ruleId"/> and <paramref name="version"/>; or, without an id, <paramref name="create"/>d and placed last.</summary>
    public static async Task<Result<T>> ForSaveAsync<T>(IQueryable<T> rules, Guid? ruleId, long version, Func<T> create, DateTimeOffset now, CancellationToken ct)
        where T : class, IOrderedRule
    {
        if (ruleId is { } id)
        {
            var found = await rules.FirstOrDefaultAsync(r => r.Id == id && !r.IsArchived, ct);
            if (found is null) return Result<T>.Fail([NotFound]);
            return found.Version == version ? Result<T>.Ok(found) : Result<T>.Fail([ConcurrentSave.ChangedByOthers]);
        }
        var last = await rules.Where(r => !r.IsArchived).MaxAsync(r => (int?)r.Order, ct);
        var rule = create();
        (rule.Order, rule.CreatedAt) = ((last ?? -1) + 1, now);
        return Result<T>.Ok(rule);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the rule at <paramref name="version"/> in the tracked <paramref name="rules"/>;
    /// the changed rule, or no value when there was nothing to do (moving the first up). Refusals: Rule.NotFound, ChangedByOthers.
    /// </summary>
    public static async Task<Result<T?>> ChangeAsync<T>(IQueryable<T> rules, Guid ruleId, long version, RuleChange change, DateTimeOffset now, CancellationToken ct)
        where T : class, IOrderedRule
    {
        var ordered = await rules.Where(r => !r.IsArchived).OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        var index = ordered.FindIndex(r => r.Id == ruleId);
        if (index < 0 || !Enum.IsDefined(change)) return Result<T?>.Fail([NotFound]);
        var rule = ordered[index];
        if (rule.Version != version) return Result<T?>.Fail([ConcurrentSave.ChangedByOthers]);
        switch (change)
        {
            case RuleChange.Enable or RuleChange.Disable:
                rule.IsEnabled = change == RuleChange.Enable;
                rule.Version++;
                break;
            case RuleChange.Archive:
                rule.IsArchived = true;
                rule.Version++;
                break;
            default:
                if (!Reordering.Move(ordered, index, change == RuleChange.MoveUp ? -1 : 1, r => r.Order, (r, i) => (r.Order, r.Version) = (i, r.Version + 1)))
                    return Result<T?>.Ok(null);
                break;
        }
        rule.UpdatedAt = now;
        return Result<T?>.Ok(rule);
    }
}
