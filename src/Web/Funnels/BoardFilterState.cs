using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Funnels;

namespace LoanSaaS.Web.Funnels;

/// <summary>The board's filter bar as the user edits it.</summary>
public sealed class BoardFilterState
{
    public string? Search { get; set; }
    public string? OwnerId { get; set; }
    public string? TeamId { get; set; }
    public string? Source { get; set; }
    public string? Tag { get; set; }
    public IntentLevel? Intent { get; set; }
    public string? PoolId { get; set; }
    /// <summary>Values of the agency's own field filters, by field key.</summary>
    public Dictionary<string, string?> Custom { get; } = [];
    public CustomFieldSet Fields { get; set; } = CustomFieldSet.Empty;

    public int Count => new object?[] { OwnerId, TeamId, Source, string.IsNullOrWhiteSpace(Tag) ? null : Tag, Intent, PoolId }.Count(v => v is not null)
        + Custom.Values.Count(v => !string.IsNullOrWhiteSpace(v));

    public BoardFilter ToFilter() => new()
    {
        Search = Search, OwnerId = OwnerId, TeamId = Guid.TryParse(TeamId, out var team) ? team : null, Source = Source,
        Tag = string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim(), Intent = Intent, PoolId = Guid.TryParse(PoolId, out var pool) ? pool : null,
        FieldFilters = CustomFieldFilters.All(Fields, Custom),
    };
}
