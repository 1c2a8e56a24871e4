using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Applications;

/// <summary>A rule's problems as (field, code) pairs, the condition's fit to the agency's fields aside (checked by the caller).</summary>
public static class AdmissionRuleChecks
{
    public static IReadOnlyList<(string Field, string Code)> Check(AdmissionRule rule)
    {
        var errors = new List<(string, string)>();
        Text(errors, "Name", rule.Name, AdmissionRule.MaxNameLength);
        Text(errors, "Message", rule.Message, AdmissionRule.MaxMessageLength);
        // An empty condition would hold for everyone and block every submission.
        if (rule.Condition is ConditionGroup { Children.Count: 0 }) errors.Add(("Condition", "Required"));
        return errors;
    }

    private static void Text(List<(string, string)> errors, string field, string value, int max)
    {
        if (value.Trim().Length == 0) errors.Add((field, "Required"));
        else if (value.Length > max) errors.Add((field, "TooLong"));
    }
}
