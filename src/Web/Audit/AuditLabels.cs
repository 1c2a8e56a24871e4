using LoanSaaS.Web.Leads;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Audit;

/// <summary>Labels of actions, object types and detail keys; anything unknown shows as written, so new actions stay readable.</summary>
public static class AuditLabels
{
    /// <summary>The actions offered in the filter (every action the use cases write today).</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "lead.created", "lead.updated", "lead.merged", "lead.revealed", "lead.exported", "lead.assigned", "lead.claimed", "lead.pooled",
        "lead.blacklisted", "lead.unblacklisted", "lead.converted", "followup.logged", "apply.blocked",
        "member.created", "member.invited", "member.updated", "member.deactivated", "member.reactivated", "member.password-link",
        "member.password-set", "member.signed-in", "team.created", "team.updated",
        "dictionary.added", "dictionary.renamed", "dictionary.reordered",
        "settings.apply-form", "settings.consent", "settings.duplicate-policy", "audit.verified",
    ];

    public static readonly IReadOnlyList<string> EntityTypes = ["lead", "user", "team", "setting", "dictionary", "apply", "audit"];

    public static string Action(IStringLocalizer<AuditText> t, string action) => Known(t, "Action." + action) ?? action;

    public static string Entity(IStringLocalizer<AuditText> t, string type) => Known(t, "Entity." + type) ?? type;

    public static string Actor(IStringLocalizer<AuditText> t, string name) => name == "system" ? t["System"] : name;

    /// <summary>A changed field: the lead field labels first (Field.Mobile …), then the audit page's own, else the key.</summary>
    public static string Field(IStringLocalizer<AuditText> t, IStringLocalizer<LeadText> leads, string field)
    {
        var leadKey = field switch { "AmountWan" => "Amount", "TermMonths" => "Term", _ => field };
        return (leads[$"Field.{leadKey}"] is { ResourceNotFound: false } l ? l.Value : null)
            ?? Known(t, "Field." + field) ?? Known(t, "Detail." + field) ?? field;
    }

    public static string Detail(IStringLocalizer<AuditText> t, string key) => Known(t, "Detail." + key) ?? key;

    /// <summary>A detail value in words where it is a known code (a channel, a yes/no, a break reason), else as written.</summary>
    public static string? Value(IStringLocalizer<AuditText> t, IStringLocalizer<LeadText> leads, string key, string? value) => (key, value) switch
    {
        (_, null) => null,
        ("channel", _) => leads[$"Channel.{value}"] is { ResourceNotFound: false } c ? c.Value : value,
        (_, "true") => t["Yes"],
        (_, "false") => t["No"],
        ("reason", _) => Known(t, "Break." + value) ?? value,
        _ => value,
    };

    private static string? Known(IStringLocalizer<AuditText> t, string key) => t[key] is { ResourceNotFound: false } text ? text.Value : null;
}
