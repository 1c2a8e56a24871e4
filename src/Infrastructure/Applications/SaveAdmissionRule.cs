using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Applications;

/// <param name="RuleId">Null adds a rule (last in order); else the rule to change, at <see cref="Version"/>.</param>
public sealed record SaveAdmissionRuleRequest(Guid? RuleId, long Version, string? Name, ConditionNode? Condition, string? Message, bool IsEnabled = true);

/// <summary>
/// Adds or changes an admission rule (needs ManageSettings): a name, a condition over the application fields (the
/// agency's own included) that blocks a submission when it holds, and the message the sales person reads. Refusals:
/// Name / Message (Required / TooLong), Condition.Required (an empty condition would block everyone), Condition[.path].*,
/// Rule.NotFound, ChangedByOthers.
/// </summary>
public sealed class SaveAdmissionRule(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(SaveAdmissionRuleRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var found = await OrderedRules.ForSaveAsync(db.AdmissionRules, request.RuleId, request.Version,
            () => new AdmissionRule { Name = "", Message = "" }, now, ct);
        if (found.Value is not { } rule) return Result<Guid>.Fail(found.Errors);
        (rule.Name, rule.Message, rule.IsEnabled, rule.Condition) =
            (request.Name?.Trim() ?? "", request.Message?.Trim() ?? "", request.IsEnabled, request.Condition ?? ConditionGroup.AllOf());

        var errors = AdmissionRuleChecks.Check(rule).Select(e => new FieldError(e.Field, e.Code)).ToList();
        var schema = ApplicationConditions.With((await CustomFieldSet.LoadAsync(db, ct)).All);
        errors.AddRange(ConditionCompiler.Validate(rule.Condition, schema).Select(e => new FieldError(e.Path.Length == 0 ? "Condition" : "Condition." + e.Path, e.Code)));
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        if (request.RuleId is null) db.AdmissionRules.Add(rule);
        rule.UpdatedAt = now;
        rule.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), request.RuleId is null ? "admission.created" : "admission.changed", "admission", rule.Id.ToString(), new
        {
            name = rule.Name, message = rule.Message, rule.IsEnabled, condition = System.Text.Json.JsonSerializer.Serialize(rule.Condition),
        });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        return Result<Guid>.Ok(rule.Id);
    }
}
