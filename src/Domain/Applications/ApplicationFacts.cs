using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Applications;

/// <summary>
/// What conditions about a borrower and a loan read: product eligibility (产品准入), the agency's admission rules
/// (进件准入) and approval-flow branches. Built in memory from the customer, the product and, once there is one, the
/// application; the amount and term are the application's, else the customer's wish.
/// </summary>
public sealed record ApplicationFacts
{
    public int? Age { get; init; }
    public bool? IsMale { get; init; }
    public string? City { get; init; }
    public CreditStatus? CreditStatus { get; init; }
    public bool IsBlacklisted { get; init; }
    public IntentLevel? Intent { get; init; }

    public Guid? ProductId { get; init; }
    /// <summary>The product's loan type by name (抵押贷), as products keep it.</summary>
    public string? LoanType { get; init; }
    public LenderKind? LenderKind { get; init; }

    public decimal? AmountWan { get; init; }
    public int? TermMonths { get; init; }
    public RepaymentMethod? RepaymentMethod { get; init; }

    /// <summary>Whether the amount lies in the product's range; null without a product or an amount.</summary>
    public bool? AmountWithinProduct { get; init; }

    /// <summary>Whether the term lies in the product's range; null without a product or a term.</summary>
    public bool? TermWithinProduct { get; init; }

    /// <summary>Required documents of the product not yet uploaded (or rejected and not replaced).</summary>
    public int? MissingDocuments { get; init; }

    public IReadOnlyList<CustomFieldValue> CustomValues { get; init; } = [];

    /// <summary>The facts of <paramref name="lead"/> asking for <paramref name="product"/>, optionally through <paramref name="application"/>.</summary>
    public static ApplicationFacts For(Lead lead, LoanProduct? product, LoanApplication? application, DateOnly today, int? missingDocuments = null)
    {
        var amount = application?.AmountWan ?? lead.AmountWan;
        var term = application?.TermMonths ?? lead.TermMonths;
        return new()
        {
            Age = lead.BirthDate is { } birth ? AgeOn(birth, today) : null,
            IsMale = lead.IsMale,
            City = lead.City,
            CreditStatus = lead.CreditStatus,
            IsBlacklisted = lead.Status == LeadStatus.Blacklisted,
            Intent = lead.Intent,
            ProductId = product?.Id,
            LoanType = product?.LoanType,
            LenderKind = product?.LenderKind,
            AmountWan = amount,
            TermMonths = term,
            RepaymentMethod = application?.RepaymentMethod,
            AmountWithinProduct = product is null || amount is null ? null : amount >= product.MinAmountWan && amount <= product.MaxAmountWan,
            TermWithinProduct = product is null || term is null ? null : term >= product.MinTermMonths && term <= product.MaxTermMonths,
            MissingDocuments = missingDocuments,
            CustomValues = lead.CustomValues,
        };
    }

    public static int AgeOn(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }
}
