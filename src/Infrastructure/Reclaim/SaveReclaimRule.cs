using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Reclaim;

/// <param name="RuleId">Null adds a rule (last in order); else the rule to change, at <see cref="Version"/>.</param>
public sealed record SaveReclaimRuleRequest(Guid? RuleId, long Version, string? Name, ConditionNode? Condition,
    int? NotContactedHours, int? NoFollowUpDays, int? NoStageAdvanceDays, int WarnHoursBefore, bool IsEnabled = true);

/// <summary>
/// Adds or changes a reclaim rule (needs ManageSettings): which leads (a condition over their fields, the agency's own
/// included), at least one limit and the warning time. Refusals: Name.Required / TooLong, Limits.Required,
/// NotContactedHours / NoFollowUpDays / NoStageAdvanceDays / WarnHoursBefore.Range, Condition[.path].*, Rule.NotFound, ChangedByOthers.
/// </summary>
public sealed class SaveReclaimRule(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(SaveReclaimRuleRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var found = await OrderedRules.ForSaveAsync(db.ReclaimRules, request.RuleId, request.Version,
            () => new ReclaimRule { Name = "", Condition = ConditionGroup.AllOf() }, now, ct);
        if (found.Value is not { } rule) return Result<Guid>.Fail(found.Errors);
        (rule.Name, rule.IsEnabled, rule.Condition) = (request.Name?.Trim() ?? "", request.IsEnabled, request.Condition ?? ConditionGroup.AllOf());
        (rule.NotContactedHours, rule.NoFollowUpDays, rule.NoStageAdvanceDays, rule.WarnHoursBefore) =
            (request.NotContactedHours, request.NoFollowUpDays, request.NoStageAdvanceDays, request.WarnHoursBefore);

        var errors = ReclaimRuleChecks.Check(rule).Select(e => new FieldError(e.Field, e.Code)).ToList();
        errors.AddRange(PoolMembers.Check(request.Condition, (await CustomFieldSet.LoadAsync(db, ct)).Schema));
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        if (request.RuleId is null) db.ReclaimRules.Add(rule);
        rule.UpdatedAt = now;
        rule.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), request.RuleId is null ? "reclaim.created" : "reclaim.changed", "reclaim", rule.Id.ToString(), new
        {
            name = rule.Name, rule.NotContactedHours, rule.NoFollowUpDays, rule.NoStageAdvanceDays, rule.WarnHoursBefore, rule.IsEnabled,
            condition = System.Text.Json.JsonSerializer.Serialize(rule.Condition),
        });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        return Result<Guid>.Ok(rule.Id);
    }
}
