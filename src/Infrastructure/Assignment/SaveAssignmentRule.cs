using LoanSaaS.Domain.Assignment;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Assignment;

/// <param name="RuleId">Null adds a rule (last in order); else the rule to change, at <see cref="Version"/>.</param>
public sealed record SaveAssignmentRuleRequest(Guid? RuleId, long Version, string? Name, ConditionNode? Condition, AssignmentTarget Target,
    IReadOnlyList<AssignmentMember> Members, Guid? TeamId, AssignmentStrategy Strategy, bool IsEnabled = true);

/// <summary>
/// Adds or changes an assignment rule (needs ManageSettings): a condition over the lead's fields (the agency's own
/// included), named active members or one of the agency's teams, and a strategy. Refusals: Name.Required / TooLong,
/// Condition[.path].*, Members.Required / Invalid / Weight / Unknown, Team.Required / Unknown, Strategy.WeightsNeedMembers,
/// Rule.NotFound, ChangedByOthers.
/// </summary>
public sealed class SaveAssignmentRule(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(SaveAssignmentRuleRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var found = await OrderedRules.ForSaveAsync(db.AssignmentRules, request.RuleId, request.Version,
            () => new AssignmentRule { Name = "", Condition = ConditionGroup.AllOf() }, now, ct);
        if (found.Value is not { } rule) return Result<Guid>.Fail(found.Errors);
        (rule.Name, rule.Target, rule.Strategy, rule.IsEnabled) = (request.Name?.Trim() ?? "", request.Target, request.Strategy, request.IsEnabled);
        rule.Members = request.Target == AssignmentTarget.Members ? request.Members.Select(m => m with { Weight = request.Strategy == AssignmentStrategy.Weighted ? m.Weight : 1 }).ToList() : [];
        rule.TeamId = request.Target == AssignmentTarget.Team ? request.TeamId : null;
        rule.Condition = request.Condition ?? ConditionGroup.AllOf();

        var errors = AssignmentRuleChecks.Check(rule).Select(e => new FieldError(e.Field, e.Code)).ToList();
        errors.AddRange(PoolMembers.Check(request.Condition, (await CustomFieldSet.LoadAsync(db, ct)).Schema));
        var ids = rule.Members.Select(m => m.UserId).ToList();
        if (ids.Count > 0 && await db.Users.CountAsync(u => ids.Contains(u.Id) && u.IsActive, ct) != ids.Count) errors.Add(new("Members", "Unknown"));
        if (rule.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct)) errors.Add(new("Team", "Unknown"));
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        if (request.RuleId is null) db.AssignmentRules.Add(rule);
        rule.UpdatedAt = now;
        rule.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), request.RuleId is null ? "assignment.created" : "assignment.changed", "assignment", rule.Id.ToString(), new
        {
            name = rule.Name, target = rule.Target.ToString(), strategy = rule.Strategy.ToString(), members = rule.Members, team = rule.TeamId, rule.IsEnabled,
            condition = System.Text.Json.JsonSerializer.Serialize(rule.Condition),
        });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        return Result<Guid>.Ok(rule.Id);
    }
}
