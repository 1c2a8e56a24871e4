using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Products;
using LoanSaaS.Infrastructure.Applications;

namespace LoanSaaS.Web.Applications;

/// <summary>The terms as typed in the form (new or edit); nothing typed is lost on a refusal.</summary>
public sealed class ApplicationForm
{
    public Guid? ProductId { get; set; }
    public decimal? AmountWan { get; set; }
    public int? TermMonths { get; set; }
    public RepaymentMethod? RepaymentMethod { get; set; }
    public string? Purpose { get; set; }

    /// <summary>The optional co-borrower / guarantor; none (无) when the role is null.</summary>
    public RelatedPersonRole? RelatedRole { get; set; }
    public string? RelatedName { get; set; }
    public RelatedPersonRelation? RelatedRelation { get; set; }

    /// <summary>Typed only: an edit starts blank, which keeps the stored number (<see cref="RelatedMobileMasked"/>).</summary>
    public string? RelatedMobile { get; set; }
    public string? RelatedMobileMasked { get; init; }

    public ApplicationInput ToInput() => new(AmountWan, TermMonths, RepaymentMethod, Purpose)
    {
        RelatedRole = RelatedRole, RelatedName = RelatedName, RelatedRelation = RelatedRelation, RelatedMobile = RelatedMobile,
    };

    public static ApplicationForm Of(ApplicationDetail a) => new()
    {
        ProductId = a.Product.Id, AmountWan = a.AmountWan, TermMonths = a.TermMonths, RepaymentMethod = a.RepaymentMethod, Purpose = a.Purpose,
        RelatedRole = a.Related?.Role, RelatedName = a.Related?.Name, RelatedRelation = a.Related?.Relation, RelatedMobileMasked = a.Related?.MobileMasked,
    };

    /// <summary>Choosing 无 drops the rest of the related person.</summary>
    public void ClearRelated()
    {
        RelatedRole = null;
        RelatedName = null;
        RelatedRelation = null;
        RelatedMobile = null;
    }

    /// <summary>The product's only method is preselected; a method the product lacks is cleared.</summary>
    public void Fit(ProductTerms? product)
    {
        if (product is null) return;
        if (RepaymentMethod is { } m && !product.RepaymentMethods.Contains(m)) RepaymentMethod = null;
        if (RepaymentMethod is null && product.RepaymentMethods.Count == 1) RepaymentMethod = product.RepaymentMethods[0];
    }
}
