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

    public ApplicationInput ToInput() => new(AmountWan, TermMonths, RepaymentMethod, Purpose);

    public static ApplicationForm Of(ApplicationDetail a) => new()
    {
        ProductId = a.Product.Id, AmountWan = a.AmountWan, TermMonths = a.TermMonths, RepaymentMethod = a.RepaymentMethod, Purpose = a.Purpose,
    };

    /// <summary>The product's only method is preselected; a method the product lacks is cleared.</summary>
    public void Fit(ProductTerms? product)
    {
        if (product is null) return;
        if (RepaymentMethod is { } m && !product.RepaymentMethods.Contains(m)) RepaymentMethod = null;
        if (RepaymentMethod is null && product.RepaymentMethods.Count == 1) RepaymentMethod = product.RepaymentMethods[0];
    }
}
