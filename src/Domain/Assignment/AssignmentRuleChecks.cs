namespace LoanSaaS.Domain.Assignment;

/// <summary>A rule's problems as (field, code) pairs, the condition aside (checked against the agency's fields by the caller).</summary>
public static class AssignmentRuleChecks
{
    public static IReadOnlyList<(string Field, string Code)> Check(AssignmentRule rule)
    {
        var errors = new List<(string, string)>();
        var name = rule.Name.Trim();
        if (name.Length == 0) errors.Add(("Name", "Required"));
        else if (name.Length > AssignmentRule.MaxNameLength) errors.Add(("Name", "TooLong"));
        if (!Enum.IsDefined(rule.Target)) errors.Add(("Target", "Invalid"));
        if (!Enum.IsDefined(rule.Strategy)) errors.Add(("Strategy", "Invalid"));
        switch (rule.Target)
        {
            case AssignmentTarget.Members when rule.Members.Count == 0:
                errors.Add(("Members", "Required"));
                break;
            case AssignmentTarget.Members when rule.Members.Count > AssignmentRule.MaxMembers || rule.Members.DistinctBy(m => m.UserId).Count() != rule.Members.Count:
                errors.Add(("Members", "Invalid"));
                break;
            case AssignmentTarget.Members when rule.Members.Any(m => m.Weight is < 1 or > AssignmentRule.MaxWeight):
                errors.Add(("Members", "Weight"));
                break;
            case AssignmentTarget.Team when rule.TeamId is null:
                errors.Add(("Team", "Required"));
                break;
        }
        if (rule.Strategy == AssignmentStrategy.Weighted && rule.Target != AssignmentTarget.Members) errors.Add(("Strategy", "WeightsNeedMembers"));
        return errors;
    }
}
