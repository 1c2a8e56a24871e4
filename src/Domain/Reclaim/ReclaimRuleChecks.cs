namespace LoanSaaS.Domain.Reclaim;

/// <summary>A rule's problems as (field, code) pairs, the condition aside (checked against the agency's fields by the caller).</summary>
public static class ReclaimRuleChecks
{
    public static IReadOnlyList<(string Field, string Code)> Check(ReclaimRule rule)
    {
        var errors = new List<(string, string)>();
        var name = rule.Name.Trim();
        if (name.Length == 0) errors.Add(("Name", "Required"));
        else if (name.Length > ReclaimRule.MaxNameLength) errors.Add(("Name", "TooLong"));
        if (!rule.HasLimit) errors.Add(("Limits", "Required"));
        Range(errors, "NotContactedHours", rule.NotContactedHours, ReclaimRule.MaxHours);
        Range(errors, "NoFollowUpDays", rule.NoFollowUpDays, ReclaimRule.MaxDays);
        Range(errors, "NoStageAdvanceDays", rule.NoStageAdvanceDays, ReclaimRule.MaxDays);
        if (rule.WarnHoursBefore is < 0 or > ReclaimRule.MaxWarnHours) errors.Add(("WarnHoursBefore", "Range"));
        return errors;
    }

    private static void Range(List<(string, string)> errors, string field, int? value, int max)
    {
        if (value is { } n && (n < 1 || n > max)) errors.Add((field, "Range"));
    }
}
