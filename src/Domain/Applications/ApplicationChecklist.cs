namespace LoanSaaS.Domain.Applications;

/// <summary>The product's required documents against what an application holds.</summary>
public static class ApplicationChecklist
{
    /// <summary>The checklist item for anything beyond the product's list.</summary>
    public const string Other = "其他材料";

    /// <summary>Required items without a current document that is accepted or waiting for review.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> required, IEnumerable<ApplicationDocument> documents)
    {
        var held = documents.Where(d => !d.IsSuperseded && d.Status != DocumentStatus.Rejected).Select(d => d.Item).ToHashSet();
        return required.Distinct().Where(item => !held.Contains(item)).ToList();
    }

    /// <summary>The items a document may be filed under: the product's list, then <see cref="Other"/>.</summary>
    public static IReadOnlyList<string> Items(IEnumerable<string> required) => [.. required.Distinct().Where(i => i != Other), Other];
}
