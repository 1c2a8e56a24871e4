using LoanSaaS.Domain.People;
using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Applications;

/// <summary>
/// What the sales person types for an application: amount (万元), term (months), repayment method and purpose, and
/// optionally one co-borrower or guarantor (role, name, relation, mobile — all or none).
/// </summary>
public sealed record ApplicationInput(decimal? AmountWan, int? TermMonths, RepaymentMethod? RepaymentMethod, string? Purpose)
{
    public RelatedPersonRole? RelatedRole { get; init; }
    public string? RelatedName { get; init; }
    public RelatedPersonRelation? RelatedRelation { get; init; }

    /// <summary>As typed (any common way of writing a mainland mobile); sealed when stored.</summary>
    public string? RelatedMobile { get; init; }

    /// <summary>Whether any part of the related person was given.</summary>
    public bool HasRelated => RelatedRole is not null || RelatedRelation is not null
        || !string.IsNullOrWhiteSpace(RelatedName) || !string.IsNullOrWhiteSpace(RelatedMobile);
}

/// <summary>A refused field of an application with a stable code (e.g. Amount.OutOfRange).</summary>
public sealed record ApplicationInputError(string Field, string Code);

/// <summary>An application's terms against its product: amount and term in the product's ranges, a method it offers.</summary>
public static class ApplicationInputRules
{
    public const int MaxPurposeLength = 200;
    public const int MaxRelatedNameLength = 20;

    /// <param name="isMobile">Whether a typed mobile is a mainland mobile; the leads' check (libphonenumber) where stored,
    /// <see cref="ChinaMobile.IsValid"/> when not given.</param>
    public static IReadOnlyList<ApplicationInputError> Check(ApplicationInput input, LoanProduct product, Func<string, bool>? isMobile = null)
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
        CheckRelated(input, isMobile ?? ChinaMobile.IsValid, errors);
        return errors;
    }

    /// <summary>
    /// The co-borrower / guarantor is all or nothing: none given is fine; any part given needs the role, the name
    /// (≤ 20 characters), the relation and a mainland mobile (RelatedRole / RelatedName / RelatedRelation / RelatedMobile
    /// .Required, RelatedName.TooLong, RelatedMobile.Invalid, RelatedRole / RelatedRelation.Invalid for unknown values).
    /// </summary>
    private static void CheckRelated(ApplicationInput input, Func<string, bool> isMobile, List<ApplicationInputError> errors)
    {
        if (!input.HasRelated) return;
        if (input.RelatedRole is not { } role) errors.Add(new("RelatedRole", "Required"));
        else if (!Enum.IsDefined(role)) errors.Add(new("RelatedRole", "Invalid"));

        var name = RelatedName(input.RelatedName);
        if (name is null) errors.Add(new("RelatedName", "Required"));
        else if (name.Length > MaxRelatedNameLength) errors.Add(new("RelatedName", "TooLong"));

        if (input.RelatedRelation is not { } relation) errors.Add(new("RelatedRelation", "Required"));
        else if (!Enum.IsDefined(relation)) errors.Add(new("RelatedRelation", "Invalid"));

        if (string.IsNullOrWhiteSpace(input.RelatedMobile)) errors.Add(new("RelatedMobile", "Required"));
        else if (!isMobile(input.RelatedMobile)) errors.Add(new("RelatedMobile", "Invalid"));
    }

    /// <summary>The related person's name as stored (normalised like a lead's), null when blank.</summary>
    public static string? RelatedName(string? name) => PersonName.Normalize(name) is { Length: > 0 } n ? n : null;

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
