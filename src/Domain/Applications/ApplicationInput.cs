using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Applications;

/// <summary>What the sales person types for an application: amount (万元), term (months), repayment method and purpose.</summary>
public sealed record ApplicationInput(decimal? AmountWan, int? TermMonths, RepaymentMethod? RepaymentMethod, string? Purpose);

/// <summary>A refused field of an application with a stable code (e.g. Amount.OutOfRange).</summary>
public sealed record ApplicationInputError(string Field, string Code);

/// <summary>An application's terms against its product: amount and term in the product's ranges, a method it offers.</summary>
public static class ApplicationInputRules
{
    public const int MaxPurposeLength = 200;

    public static IReadOnlyList<ApplicationInputError> Check(ApplicationInput input, LoanProduct product)
    {
        var errors = new List<ApplicationInputError>();
        if (input.AmountWan is not { } amount) errors.Add(new("Amount", "Required"));
        else if (amount <= 0 || decimal.Round(amount, 2) != amount) errors.Add(new("Amount", "Invalid"));
        else if (amount < product.MinAmountWan || amount > product.MaxAmountWan) errors.Add(new("Amount", "OutOfRange"));

        if (input.TermMonths is not { } term) errors.Add(new("Term", "Required"));
        else if (term < product.MinTermMonths || term > product.MaxTermMonths) errors.Add(new("Term", "OutOfRange"));

        if (input.RepaymentMethod is not { } method) errors.Add(new("RepaymentMethod", "Required"));
        else if (!product.RepaymentMethods.Contains(method)) errors.Add(new("RepaymentMethod", "NotOffered"));

        if ((input.Purpose?.Trim().Length ?? 0) > MaxPurposeLength) errors.Add(new("Purpose", "TooLong"));
        return errors;
    }

    /// <summary>Whether the sales owner may still change the terms and the documents.</summary>
    public static bool IsEditable(ApplicationStatus status) => status is ApplicationStatus.Draft or ApplicationStatus.Returned;

    /// <summary>Not yet decided nor withdrawn: what a board card's badge and the customer's open applications show.</summary>
    public static bool IsOpen(ApplicationStatus status) => status is ApplicationStatus.Draft or ApplicationStatus.InApproval or ApplicationStatus.Returned;

    public static IReadOnlyList<ApplicationStatus> OpenStatuses { get; } = [ApplicationStatus.Draft, ApplicationStatus.InApproval, ApplicationStatus.Returned];

    /// <summary>The 进件编号 sequence key of a Shanghai day and a number under it, e.g. JJ202612070001.</summary>
    public static string SequenceKey(DateOnly day) => "app:JJ" + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Number(string sequenceKey, long sequence) =>
        sequenceKey["app:".Length..] + sequence.ToString(sequence < 10_000 ? "D4" : "D", System.Globalization.CultureInfo.InvariantCulture);
}
