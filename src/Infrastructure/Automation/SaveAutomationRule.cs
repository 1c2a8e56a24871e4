using System.Text.Json;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

/// <param name="RuleId">Null adds a rule; else the rule to change, at <see cref="Version"/>.</param>
public sealed record SaveAutomationRuleRequest(Guid? RuleId, long Version, string? Name, TriggerKind Trigger, string? TriggerField, Guid? TriggerStageId,
    int TriggerAmount, TimeUnit TriggerUnit, ConditionNode? Condition, IReadOnlyList<AutomationAction> Actions, bool IsEnabled = true);

/// <summary>
/// Adds or changes an automation rule (needs ManageSettings): the trigger with its parameters, a condition over the
/// lead's fields (the agency's own included) and the actions, each checked against the agency's data (members,
/// teams, stages, fields; a "set field" value is read as an edit would read it). Refusals: Name.*, Trigger.Invalid,
/// TriggerField.Required / Unknown, TriggerStage.Unknown, TriggerAmount.OutOfRange, Condition[.path].*, Actions.Required /
/// TooMany, Actions.{i}.{code}, Rule.NotFound, ChangedByOthers.
/// </summary>
public sealed class SaveAutomationRule(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, TenantPersonalData personalData,
    AutomationTriggerCache cache, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(SaveAutomationRuleRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        AutomationRule rule;
        if (request.RuleId is { } id)
        {
            var found = await db.AutomationRules.FirstOrDefaultAsync(r => r.Id == id && !r.IsArchived, ct);
            if (found is null) return Result<Guid>.Fail("Rule", "NotFound");
            if (found.Version != request.Version) return Result<Guid>.Fail([ConcurrentSave.ChangedByOthers]);
            rule = found;
        }
        else rule = new AutomationRule { Name = "", Condition = ConditionGroup.AllOf(), CreatedAt = now };

        var before = (rule.IsEnabled, rule.Trigger, rule.TriggerField, rule.TriggerStageId, rule.TriggerAmount, rule.TriggerUnit);
        var isNew = request.RuleId is null;
        rule.Name = request.Name?.Trim() ?? "";
        (rule.Trigger, rule.TriggerAmount, rule.TriggerUnit, rule.IsEnabled) = (request.Trigger, request.TriggerAmount, request.TriggerUnit, request.IsEnabled);
        rule.TriggerField = request.Trigger is TriggerKind.FieldChanged or TriggerKind.DateFieldIn ? request.TriggerField?.Trim() : null;
        rule.TriggerStageId = request.Trigger is TriggerKind.StageChanged or TriggerKind.DaysInStage ? request.TriggerStageId : null;
        if (!AutomationTriggers.IsTimeBased(request.Trigger)) (rule.TriggerAmount, rule.TriggerUnit) = (0, TimeUnit.Days);
        rule.Condition = request.Condition ?? ConditionGroup.AllOf();
        rule.Actions = request.Actions.Select(Normalize).ToList();

        var fields = await CustomFieldSet.LoadAsync(db, ct);
        var errors = AutomationRuleChecks.Check(rule).Select(e => new FieldError(e.Field, e.Code)).ToList();
        errors.AddRange(PoolMembers.Check(request.Condition ?? ConditionGroup.AllOf(), fields.Schema));
        await CheckAgainstDataAsync(db, rule, fields, errors, now, ct);
        if (errors.Count > 0) return Result<Guid>.Fail(errors.DistinctBy(e => e.Field).ToList());

        if (isNew) db.AutomationRules.Add(rule);
        // A new rule, a rule turned on, or a new trigger starts from now (time-based rules leave the backlog alone).
        var triggerChanged = (before.Trigger, before.TriggerField, before.TriggerStageId, before.TriggerAmount, before.TriggerUnit)
            != (rule.Trigger, rule.TriggerField, rule.TriggerStageId, rule.TriggerAmount, rule.TriggerUnit);
        if (isNew || (rule.IsEnabled && !before.IsEnabled) || triggerChanged) rule.ActiveSince = now;
        rule.UpdatedAt = now;
        rule.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), request.RuleId is null ? "automation.created" : "automation.changed", "automation", rule.Id.ToString(), new
        {
            name = rule.Name, trigger = rule.Trigger.ToString(), field = rule.TriggerField, stage = rule.TriggerStageId, amount = rule.TriggerAmount, unit = rule.TriggerUnit.ToString(),
            rule.IsEnabled, condition = JsonSerializer.Serialize(rule.Condition), actions = JsonSerializer.Serialize(rule.Actions),
        });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        cache.Forget(tenant.Required.Id);
        await live.PublishAsync(AutomationLive.Topic(tenant.Required.Id), AutomationLive.RulesChanged, ct);
        return Result<Guid>.Ok(rule.Id);
    }

    private static AutomationAction Normalize(AutomationAction a) => a with
    {
        Target = string.IsNullOrWhiteSpace(a.Target) ? null : a.Target.Trim(),
        Value = string.IsNullOrWhiteSpace(a.Value) ? null : a.Value.Trim(),
        Field = a.Kind == ActionKind.SetField ? a.Field?.Trim() : null,
        Hours = a.Kind == ActionKind.CreateTask ? a.Hours : null,
    };

    private async Task CheckAgainstDataAsync(AgencyDbContext db, AutomationRule rule, CustomFieldSet fields, List<FieldError> errors, DateTimeOffset now, CancellationToken ct)
    {
        if (rule.Trigger == TriggerKind.FieldChanged && rule.TriggerField is { Length: > 0 } key && fields.Schema.Find(key) is null)
            errors.Add(new("TriggerField", "Unknown"));
        if (rule.Trigger == TriggerKind.DateFieldIn && rule.TriggerField is { Length: > 0 } dateKey && fields.Find(dateKey) is not { Type: FieldType.Date, IsArchived: false })
            errors.Add(new("TriggerField", "Unknown"));
        if (rule.TriggerStageId is { } stage && !await db.FunnelStages.AnyAsync(s => s.Id == stage && !s.IsArchived, ct)) errors.Add(new("TriggerStage", "Unknown"));

        var dictionaries = await LeadDictionaries.LoadAsync(db, ct);
        PersonalDataProtector? protector = null;
        for (var i = 0; i < rule.Actions.Count; i++)
        {
            var action = rule.Actions[i];
            if (AutomationRuleChecks.CheckAction(action) is not null) continue;
            var field = $"Actions.{i}";
            var person = action.Target is { } t && t.StartsWith("user:", StringComparison.Ordinal) ? t[5..] : null;
            if (person is not null && !await db.Users.AnyAsync(u => u.Id == person && u.IsActive, ct)) errors.Add(new(field, "UnknownMember"));
            switch (action.Kind)
            {
                case ActionKind.MoveStage when Guid.TryParse(action.Target, out var to) && !await db.FunnelStages.AnyAsync(s => s.Id == to && !s.IsArchived, ct):
                    errors.Add(new(field, "UnknownStage"));
                    break;
                case ActionKind.Assign when action.Target!.StartsWith("team:", StringComparison.Ordinal) && Guid.TryParse(action.Target[5..], out var team)
                                            && !await db.Teams.AnyAsync(x => x.Id == team && !x.IsArchived, ct):
                    errors.Add(new(field, "UnknownTeam"));
                    break;
                case ActionKind.SetField when !AutomationFieldValues.IsSettable(action.Field!, fields):
                    errors.Add(new(field, "FieldNotSettable"));
                    break;
                case ActionKind.SetField:
                    // Read the value as it would be set on a lead, so a rule never saves a value it could not apply.
                    protector ??= await personalData.GetAsync(ct);
                    var (_, code) = AutomationFieldValues.Apply(new Lead { Number = "", Name = "" }, action.Field!, action.Value, dictionaries, fields, protector, now);
                    if (code is not null) errors.Add(new(field, code));
                    break;
            }
        }
    }
}
