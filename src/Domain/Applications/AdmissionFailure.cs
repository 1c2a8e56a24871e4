namespace LoanSaaS.Domain.Applications;

/// <summary>An admission rule that blocks a submission, with the message it explains itself by.</summary>
public sealed record AdmissionFailure(Guid RuleId, string RuleName, string Message);
