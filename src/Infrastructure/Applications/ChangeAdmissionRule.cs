using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>
/// Turns an admission rule on or off, moves it one place in the order, or deletes (archives) it (needs ManageSettings),
/// against the version of the rule. Refusals: Rule.NotFound, ChangedByOthers.
/// </summary>
public sealed class ChangeAdmissionRule(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid ruleId, long version, RuleChange change, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var changed = await OrderedRules.ChangeAsync(db.AdmissionRules, ruleId, version, change, time.GetUtcNow(), ct);
        if (changed.Value is not { } rule) return changed;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "admission." + change.ToString().ToLowerInvariant(), "admission", rule.Id.ToString(), new { name = rule.Name });
        return await ConcurrentSave.SaveAsync(db, ct);
    }
}
