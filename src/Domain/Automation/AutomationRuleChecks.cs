using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;

namespace LoanSaaS.Domain.Automation;

/// <summary>
/// A rule's problems as (field, code) pairs, except what needs the agency's data (the condition and field keys against
/// its schema, members, stages, teams), which the caller checks. Action problems are "Actions.{index}".
/// </summary>
public static class AutomationRuleChecks
{
    public const int MaxTaskHours = 24 * 30;

    public static IReadOnlyList<(string Field, string Code)> Check(AutomationRule rule)
    {
        var errors = new List<(string, string)>();
        var name = rule.Name.Trim();
        if (name.Length == 0) errors.Add(("Name", "Required"));
        else if (name.Length > AutomationRule.MaxNameLength) errors.Add(("Name", "TooLong"));
        if (!Enum.IsDefined(rule.Trigger)) errors.Add(("Trigger", "Invalid"));
        else if (rule.Trigger is TriggerKind.FieldChanged or TriggerKind.DateFieldIn && string.IsNullOrWhiteSpace(rule.TriggerField)) errors.Add(("TriggerField", "Required"));
        if (rule.IsTimeBased)
        {
            if (!Enum.IsDefined(rule.TriggerUnit)) errors.Add(("TriggerAmount", "Invalid"));
            var max = rule.TriggerUnit == TimeUnit.Hours ? AutomationTriggers.MaxHours : AutomationTriggers.MaxDays;
            var min = rule.Trigger is TriggerKind.FollowUpOverdue or TriggerKind.DateFieldIn ? 0 : 1;
            if (rule.TriggerAmount < min || rule.TriggerAmount > max) errors.Add(("TriggerAmount", "OutOfRange"));
            if (rule.Trigger == TriggerKind.DateFieldIn && rule.TriggerUnit != TimeUnit.Days) errors.Add(("TriggerAmount", "Invalid"));
        }
        if (rule.Actions.Count == 0) errors.Add(("Actions", "Required"));
        else if (rule.Actions.Count > AutomationRule.MaxActions) errors.Add(("Actions", "TooMany"));
        for (var i = 0; i < rule.Actions.Count; i++)
            if (CheckAction(rule.Actions[i]) is { } code) errors.Add(($"Actions.{i}", code));
        return errors;
    }

    /// <returns>Null when the action's parameters fit its kind, else a code.</returns>
    public static string? CheckAction(AutomationAction action)
    {
        var value = action.Value?.Trim() ?? "";
        return action.Kind switch
        {
            ActionKind.Notify => !IsPerson(action.Target, allowManager: true, allowRole: true) ? "Target"
                : value.Length > MessageTemplate.MaxLength ? "TooLong" : null,
            ActionKind.CreateTask => action.Hours is not { } h || h < 0 || h > MaxTaskHours ? "Hours"
                : value.Length == 0 ? "ValueRequired" : value.Length > MessageTemplate.MaxLength ? "TooLong" : null,
            ActionKind.SendSms => action.Target is not ("lead" or "owner") ? "Target" : Template(value),
            ActionKind.SendEmail => !IsPerson(action.Target, allowManager: true, allowRole: false) ? "Target" : Template(value),
            ActionKind.SetField => string.IsNullOrWhiteSpace(action.Field) ? "FieldRequired" : null,
            ActionKind.AddTag or ActionKind.RemoveTag => value.Length == 0 ? "ValueRequired" : value.Length > LeadTag.MaxLength ? "TooLong" : null,
            ActionKind.MoveStage => Guid.TryParse(action.Target, out _) ? null : "Target",
            ActionKind.Assign => action.Target == "rules" || Prefixed(action.Target, "user:") || (Prefixed(action.Target, "team:") && Guid.TryParse(action.Target![5..], out _))
                ? null : "Target",
            _ => "Invalid",
        };
    }

    private static string? Template(string value) => value.Length == 0 ? "ValueRequired" : value.Length > MessageTemplate.MaxLength ? "TooLong" : null;

    private static bool IsPerson(string? target, bool allowManager, bool allowRole) =>
        target == "owner" || (allowManager && target == "manager") || (Prefixed(target, "user:") && target!.Length > 5)
        || (allowRole && Prefixed(target, "role:") && AgencyRoles.TryParse(target![5..], out _));

    private static bool Prefixed(string? target, string prefix) => target?.StartsWith(prefix, StringComparison.Ordinal) == true;
}
