namespace LoanSaaS.Domain.Imports;

/// <summary>Lead fields a column can be mapped to.</summary>
public enum ImportField
{
    Ignore,
    Name,
    Mobile,
    IdNumber,
    City,
    LoanType,
    AmountWan,
    Purpose,
    TermMonths,
    CreditStatus,
    Source,
    Intent,
    Tags,
}
