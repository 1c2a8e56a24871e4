using System.Globalization;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Time;

namespace LoanSaaS.Domain.Automation;

/// <summary>One time-based occurrence of a rule for a lead: its run key and the value it counts from.</summary>
public sealed record Occurrence(string Key, DateTimeOffset? At, DateOnly? Date);

/// <summary>Which rules an event triggers, and when a time-based rule is due for a lead (and for which occurrence).</summary>
public static class AutomationTriggers
{
    public const int MaxHours = 24 * 90;
    public const int MaxDays = 365;

    public static bool IsTimeBased(TriggerKind kind) => kind >= TriggerKind.NoFollowUpFor;

    /// <summary>Whether an event of <paramref name="kind"/> (with its field key or stage id) triggers <paramref name="rule"/>.</summary>
    public static bool Matches(AutomationRule rule, TriggerKind kind, string? detail) =>
        rule.IsEnabled && !rule.IsArchived && rule.Trigger == kind && kind switch
        {
            TriggerKind.FieldChanged => string.Equals(rule.TriggerField, detail, StringComparison.Ordinal),
            TriggerKind.StageChanged => rule.TriggerStageId is null || string.Equals(rule.TriggerStageId.ToString(), detail, StringComparison.OrdinalIgnoreCase),
            _ => !IsTimeBased(kind),
        };

    public static TimeSpan Span(AutomationRule rule) => rule.TriggerUnit == TimeUnit.Hours ? TimeSpan.FromHours(rule.TriggerAmount) : TimeSpan.FromDays(rule.TriggerAmount);

    /// <summary>The occurrence key of an event-triggered run.</summary>
    public static string EventKey(long eventId) => "e:" + eventId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The occurrence of a time-based rule that is due for <paramref name="lead"/> at <paramref name="now"/>, or null
    /// (also when it came due before <see cref="AutomationRule.ActiveSince"/>).
    /// Keyed by the value the threshold counts from, so a new follow-up, a new next follow-up, a new stage or a new
    /// date makes a new occurrence and the rule may fire again. <paramref name="date"/>: the lead's value of the rule's date field.
    /// </summary>
    public static Occurrence? Due(AutomationRule rule, Lead lead, DateTimeOffset now, DateOnly? date = null)
    {
        if (lead.Status != LeadStatus.Active) return null;
        var threshold = now - Span(rule);
        var since = Since(rule);
        switch (rule.Trigger)
        {
            case TriggerKind.NoFollowUpFor:
                var last = lead.LastFollowUpAt ?? lead.CreatedAt;
                return last <= threshold && last >= since ? At(last) : null;
            case TriggerKind.FollowUpOverdue:
                return lead.NextFollowUpAt is { } next && next <= threshold && next >= since ? At(next) : null;
            case TriggerKind.DaysInStage:
                return lead.StageEnteredAt is { } entered && entered <= threshold && entered >= since && (rule.TriggerStageId is null || rule.TriggerStageId == lead.StageId)
                    ? At(entered) : null;
            case TriggerKind.DateFieldIn:
                var today = Shanghai.DateOf(now);
                return date is { } d && d >= today && d <= today.AddDays(rule.TriggerAmount) && d >= FirstDate(rule) ? OnDate(d) : null;
            default:
                return null;
        }
    }

    /// <summary>The earliest value an occurrence may count from: one that came due when the rule was already on.</summary>
    public static DateTimeOffset Since(AutomationRule rule) =>
        rule.ActiveSince - DateTimeOffset.MinValue <= Span(rule) ? DateTimeOffset.MinValue : rule.ActiveSince - Span(rule);

    /// <summary>The earliest day a <see cref="TriggerKind.DateFieldIn"/> rule acts on: N days after the Shanghai day it was turned on.</summary>
    public static DateOnly FirstDate(AutomationRule rule) => rule.ActiveSince == default ? DateOnly.MinValue : Shanghai.DateOf(rule.ActiveSince).AddDays(rule.TriggerAmount);

    public static Occurrence At(DateTimeOffset at) => new("t:" + at.UtcTicks.ToString(CultureInfo.InvariantCulture), at, null);

    public static Occurrence OnDate(DateOnly date) => new("d:" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, date);
}

/// <summary>
/// Rules whose actions trigger rules again (A sets a field, B listens to it and sets another A listens to …) stop at
/// <see cref="MaxDepth"/>: a person's change is depth 0, each rule run's own changes one deeper.
/// </summary>
public static class LoopGuard
{
    public const int MaxDepth = 5;

    /// <summary>Whether rules may run for an event raised at <paramref name="depth"/>.</summary>
    public static bool Allows(int depth) => depth < MaxDepth;

    public const string Stopped = "LoopLimit";
}
