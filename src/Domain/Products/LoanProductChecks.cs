namespace LoanSaaS.Domain.Products;

/// <summary>A product's problems as (field, code) pairs; the eligibility condition, the code's uniqueness and the flow key are checked by the caller.</summary>
public static class LoanProductChecks
{
    public const int MaxCodeLength = 30;
    public const int MaxNameLength = 100;
    public const int MaxLenderLength = 100;
    public const int MaxLoanTypeLength = 20;
    public const int MaxDocumentLength = 50;
    public const int MaxDocuments = 30;
    public const decimal MaxAmountWan = 100_000m;

    /// <summary>The judicial-protection ceiling for annual rates (36 %).</summary>
    public const decimal MaxAnnualRate = 36m;
    public const decimal MaxServiceFeeRate = 36m;

    /// <summary>Common documents the editor suggests.</summary>
    public static IReadOnlyList<string> SuggestedDocuments { get; } =
        ["身份证正反面", "征信报告", "收入证明", "银行流水", "房产证", "行驶证", "营业执照", "结婚证", "户口本"];

    public static IReadOnlyList<(string Field, string Code)> Check(LoanProduct p)
    {
        var errors = new List<(string, string)>();
        Text(errors, "Code", p.Code, MaxCodeLength);
        if (p.Code.Length > 0 && !p.Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) errors.Add(("Code", "Format"));
        Text(errors, "Name", p.Name, MaxNameLength);
        Text(errors, "Lender", p.Lender, MaxLenderLength);
        Text(errors, "LoanType", p.LoanType, MaxLoanTypeLength);
        if (!Enum.IsDefined(p.LenderKind)) errors.Add(("LenderKind", "Invalid"));

        Positive(errors, "MinAmountWan", p.MinAmountWan, MaxAmountWan);
        Positive(errors, "MaxAmountWan", p.MaxAmountWan, MaxAmountWan);
        if (p.MinAmountWan > p.MaxAmountWan) errors.Add(("MaxAmountWan", "BelowMin"));

        if (p.MinTermMonths is < 1 or > LoanCalculator.MaxTermMonths) errors.Add(("MinTermMonths", "Range"));
        if (p.MaxTermMonths is < 1 or > LoanCalculator.MaxTermMonths) errors.Add(("MaxTermMonths", "Range"));
        if (p.MinTermMonths > p.MaxTermMonths) errors.Add(("MaxTermMonths", "BelowMin"));

        if (p.MinAnnualRate is < 0 or > MaxAnnualRate) errors.Add(("MinAnnualRate", "Range"));
        if (p.MaxAnnualRate is < 0 or > MaxAnnualRate) errors.Add(("MaxAnnualRate", "Range"));
        if (p.MinAnnualRate > p.MaxAnnualRate) errors.Add(("MaxAnnualRate", "BelowMin"));
        if (p.ServiceFeeRate is < 0 or > MaxServiceFeeRate) errors.Add(("ServiceFeeRate", "Range"));

        if (p.RepaymentMethods.Count == 0) errors.Add(("RepaymentMethods", "Required"));
        else if (p.RepaymentMethods.Any(m => !Enum.IsDefined(m))) errors.Add(("RepaymentMethods", "Invalid"));

        if (p.RequiredDocuments.Count > MaxDocuments) errors.Add(("RequiredDocuments", "TooMany"));
        if (p.RequiredDocuments.Any(d => d.Length > MaxDocumentLength)) errors.Add(("RequiredDocuments", "TooLong"));
        return errors;
    }

    /// <summary>Trimmed, blank ones dropped, each once, in the order given.</summary>
    public static List<string> Documents(IEnumerable<string?>? documents) =>
        (documents ?? []).Select(d => d?.Trim() ?? "").Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static void Text(List<(string, string)> errors, string field, string value, int max)
    {
        if (value.Trim().Length == 0) errors.Add((field, "Required"));
        else if (value.Length > max) errors.Add((field, "TooLong"));
    }

    private static void Positive(List<(string, string)> errors, string field, decimal value, decimal max)
    {
        if (value <= 0 || value > max) errors.Add((field, "Range"));
    }
}
