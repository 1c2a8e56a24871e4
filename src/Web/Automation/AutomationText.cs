using System.Globalization;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Automation;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Web.Pools;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Automation;

/// <summary>Texts of the automation pages (AutomationText.resx = zh-CN, .en.resx): rules, triggers and actions in words, errors.</summary>
public sealed class AutomationText
{
    public static readonly AgencyRole[] Roles = [AgencyRole.Owner, AgencyRole.Admin, AgencyRole.Manager, AgencyRole.Sales, AgencyRole.RiskReviewer, AgencyRole.Finance, AgencyRole.PostLoan];

    public static string Error(IStringLocalizer<AutomationText> t, FieldError error)
    {
        if (error.Field.StartsWith("Condition", StringComparison.Ordinal)) return t["Error.Condition"];
        if (error.Field.StartsWith("Actions.", StringComparison.Ordinal))
        {
            var index = error.Field["Actions.".Length..];
            var text = t["ActionError." + error.Code] is { ResourceNotFound: false } found ? found.Value : t["Error.Unknown"].Value;
            return t["ActionError", int.TryParse(index, CultureInfo.InvariantCulture, out var i) ? i + 1 : 0, text];
        }
        return t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } message ? message.Value : t["Error.Unknown"].Value;
    }

    /// <summary>A run's error code in words ("LoopLimit" → "已停止：规则循环触发超过 5 层").</summary>
    public static string RunError(IStringLocalizer<AutomationText> t, string? code) => code is null ? ""
        : t["RunError." + code] is { ResourceNotFound: false } text ? text.Value
        : code.StartsWith("Value.", StringComparison.Ordinal) ? t["RunError.Value"].Value
        : code;

    public static string Trigger(IStringLocalizer<AutomationText> t, IStringLocalizer<PoolText> p, AutomationRule rule, AutomationChoices choices,
        Domain.Automation.ConditionSchema<Domain.Leads.Lead> schema)
    {
        var unit = t["Unit." + rule.TriggerUnit].Value;
        return rule.Trigger switch
        {
            TriggerKind.FieldChanged => t["TriggerText.FieldChanged", FieldName(p, schema, rule.TriggerField)],
            TriggerKind.StageChanged => rule.TriggerStageId is { } s ? t["TriggerText.StageChangedTo", StageName(choices, s)] : t["Trigger.StageChanged"],
            TriggerKind.NoFollowUpFor or TriggerKind.FollowUpOverdue => t["TriggerText." + rule.Trigger, rule.TriggerAmount, unit],
            TriggerKind.DaysInStage => rule.TriggerStageId is { } st ? t["TriggerText.DaysInStageOf", StageName(choices, st), rule.TriggerAmount, unit] : t["TriggerText.DaysInStage", rule.TriggerAmount, unit],
            TriggerKind.DateFieldIn => t["TriggerText.DateFieldIn", FieldName(p, schema, rule.TriggerField), rule.TriggerAmount],
            _ => t["Trigger." + rule.Trigger],
        };
    }

    public static string Action(IStringLocalizer<AutomationText> t, IStringLocalizer<PoolText> p, AutomationAction action, AutomationChoices choices,
        Domain.Automation.ConditionSchema<Domain.Leads.Lead> schema) => action.Kind switch
    {
        ActionKind.Notify => t["ActionText.Notify", Who(t, action.Target, choices)] + Quote(action.Value),
        ActionKind.CreateTask => t["ActionText.CreateTask", action.Hours ?? 0] + Quote(action.Value),
        ActionKind.SendSms => t["ActionText.SendSms", t["SmsTo." + action.Target]] + Quote(action.Value),
        ActionKind.SendEmail => t["ActionText.SendEmail", Who(t, action.Target, choices)] + Quote(action.Value),
        ActionKind.SetField => t["ActionText.SetField", FieldName(p, schema, action.Field), action.Value ?? t["EmptyValue"].Value],
        ActionKind.AddTag => t["ActionText.AddTag", action.Value ?? ""],
        ActionKind.RemoveTag => t["ActionText.RemoveTag", action.Value ?? ""],
        ActionKind.MoveStage => t["ActionText.MoveStage", Guid.TryParse(action.Target, out var s) ? StageName(choices, s) : "?"],
        ActionKind.Assign => action.Target == "rules" ? t["ActionText.AssignRules"]
            : action.Target?.StartsWith("team:", StringComparison.Ordinal) == true ? t["ActionText.AssignTeam", choices.Teams.FirstOrDefault(x => "team:" + x.Key == action.Target)?.Name ?? "?"]
            : t["ActionText.AssignMember", Who(t, action.Target, choices)],
        _ => action.Kind.ToString(),
    };

    public static string Who(IStringLocalizer<AutomationText> t, string? target, AutomationChoices choices) => target switch
    {
        "owner" => t["Who.owner"],
        "manager" => t["Who.manager"],
        { } u when u.StartsWith("user:", StringComparison.Ordinal) => choices.Members.FirstOrDefault(m => m.Key == u[5..])?.Name ?? t["Who.gone"].Value,
        { } r when r.StartsWith("role:", StringComparison.Ordinal) => t["Who.role", t["Role." + r[5..]]],
        _ => "?",
    };

    private static string Quote(string? value) => string.IsNullOrWhiteSpace(value) ? "" : $"：“{value}”";

    private static string StageName(AutomationChoices choices, Guid id) => choices.Stages.FirstOrDefault(s => s.Id == id) is { } s ? $"{s.BoardName} · {s.Name}" : "?";

    public static string FieldName(IStringLocalizer<PoolText> p, Domain.Automation.ConditionSchema<Domain.Leads.Lead> schema, string? key) =>
        key is null ? "?" : schema.Find(key) is { } field ? PoolText.Field(p, field) : PoolText.Field(p, key);
}
