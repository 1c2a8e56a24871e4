namespace LoanSaaS.Domain.Funnels;

/// <summary>A lead field that must be filled before a card may enter a stage (the stage's SOP). Persisted by name.</summary>
public enum StageRequirement
{
    IdNumber,
    City,
    LoanType,
    Amount,
    Term,
    Purpose,
    CreditStatus,
    Intent,
    NextFollowUp,
}
