using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Applications;

/// <summary>Which of the agency's admission rules block an application with these facts.</summary>
public static class AdmissionCheck
{
    public static IReadOnlyList<AdmissionFailure> Failures(
        IEnumerable<AdmissionRule> rules, ApplicationFacts facts, ConditionSchema<ApplicationFacts> schema, DateTimeOffset now) =>
        rules.Where(r => r.IsEnabled && !r.IsArchived)
            .OrderBy(r => r.Order)
            .Where(r => ConditionCompiler.Validate(r.Condition, schema).Count == 0 && ConditionCompiler.Predicate(r.Condition, schema, now)(facts))
            .Select(r => new AdmissionFailure(r.Id, r.Name, r.Message))
            .ToList();
}
