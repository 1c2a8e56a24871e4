namespace LoanSaaS.Domain.Products;

/// <summary>A lender's loan product as an agency brokers it.</summary>
/// <param name="LoanType">See <see cref="LoanTypes"/>.</param>
/// <param name="MinAmountWan">Amounts are in 万元 (10,000 CNY).</param>
/// <param name="MinAnnualRate">Rates are annual percentages, e.g. 3.2 for 3.2%.</param>
/// <param name="ServiceFeeRate">The agency's service fee as a percentage of the loan amount.</param>
/// <param name="Eligibility">Who may borrow, over <see cref="Applications.ApplicationConditions"/>; null admits everyone.</param>
public sealed record LoanProductDefinition(
    string Code,
    string Name,
    string Lender,
    LenderKind LenderKind,
    string LoanType,
    decimal MinAmountWan,
    decimal MaxAmountWan,
    int MinTermMonths,
    int MaxTermMonths,
    decimal MinAnnualRate,
    decimal MaxAnnualRate,
    IReadOnlyList<RepaymentMethod> RepaymentMethods,
    decimal ServiceFeeRate,
    IReadOnlyList<string> RequiredDocuments,
    Automation.ConditionNode? Eligibility = null);
