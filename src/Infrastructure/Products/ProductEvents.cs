using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Products;

/// <summary>Live topic of an agency's product catalog (ids only): an open catalog page re-reads.</summary>
public static class ProductEvents
{
    public static LiveTopic Topic(Guid tenantId) => new(tenantId, "products");

    public static LiveMessage Changed(Guid productId) => new("changed", new Dictionary<string, string> { ["product"] = productId.ToString() });
}
