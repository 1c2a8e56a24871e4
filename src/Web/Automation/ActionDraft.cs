using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Web.Automation;

/// <summary>An action being edited in the rule dialog (mutable, bound to inputs).</summary>
public sealed class ActionDraft
{
    public ActionKind Kind { get; set; } = ActionKind.Notify;
    public string? Target { get; set; } = "owner";
    public string? Value { get; set; }
    public string? Field { get; set; }
    public int Hours { get; set; } = 24;

    public static ActionDraft From(AutomationAction a) => new() { Kind = a.Kind, Target = a.Target, Value = a.Value, Field = a.Field, Hours = a.Hours ?? 24 };

    public AutomationAction ToAction() => new(Kind, Target, Value, Kind == ActionKind.SetField ? Field : null, Kind == ActionKind.CreateTask ? Hours : null);

    /// <summary>A new kind starts with the target most rules want.</summary>
    public void Reset(ActionKind kind)
    {
        Kind = kind;
        Target = kind switch
        {
            ActionKind.Notify or ActionKind.SendEmail => "owner",
            ActionKind.SendSms => "lead",
            ActionKind.Assign => "rules",
            _ => null,
        };
        Field = null;
        Value = null;
    }
}
