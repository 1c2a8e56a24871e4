using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;

namespace LoanSaaS.Web.Leads;

/// <summary>What the filter bar holds (as the inputs bind it), turned into a <see cref="LeadListQuery"/>.</summary>
public sealed class LeadListFilter
{
    public string? Search { get; set; }
    public string? OwnerId { get; set; }
    public string? TeamId { get; set; }
    public string? Source { get; set; }
    public IntentLevel? Intent { get; set; }
    public string? Tags { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    /// <summary>A customer pool (客群池) id.</summary>
    public string? PoolId { get; set; }
    /// <summary>Values of the agency's own field filters, by field key (<see cref="CustomFieldFilters"/>).</summary>
    public Dictionary<string, string?> Custom { get; } = [];
    /// <summary>The agency's fields, set once loaded, so the custom filters can be turned into comparisons.</summary>
    public CustomFieldSet Fields { get; set; } = CustomFieldSet.Empty;

    /// <summary>Filters set in the bar (the search box is not counted: it is always visible).</summary>
    public int Count =>
        new object?[] { OwnerId, TeamId, Source, Intent, From, To, PoolId }.Count(v => v is not null) + (LeadFieldText.SplitTags(Tags).Count > 0 ? 1 : 0)
        + Custom.Values.Count(v => !string.IsNullOrWhiteSpace(v));

    public void Clear()
    {
        OwnerId = TeamId = Source = Tags = PoolId = null;
        Intent = null;
        From = To = null;
        Custom.Clear();
    }

    /// <summary>The filters a dashboard link carries: <c>?from=2026-12-01&amp;to=2026-12-06&amp;owner=…&amp;team=…&amp;source=…</c>.</summary>
    public static LeadListFilter FromUrl(string? from, string? to, string? owner, string? team, string? source, string? pool = null) => new()
    {
        PoolId = Guid.TryParse(pool, out _) ? pool : null,
        From = DateOnly.TryParseExact(from, "yyyy-MM-dd", out var f) ? f.ToDateTime(TimeOnly.MinValue) : null,
        To = DateOnly.TryParseExact(to, "yyyy-MM-dd", out var t) ? t.ToDateTime(TimeOnly.MinValue) : null,
        OwnerId = string.IsNullOrWhiteSpace(owner) ? null : owner,
        TeamId = Guid.TryParse(team, out _) ? team : null,
        Source = string.IsNullOrWhiteSpace(source) ? null : source,
    };

    public static string Url(string path, DateOnly from, DateOnly to, string? owner = null, Guid? team = null, string? source = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["owner"] = owner, ["team"] = team?.ToString(), ["source"] = source,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => q.Value is not null));
    }

    public LeadListQuery ToQuery(LeadView view, LeadSort sort = LeadSort.Created, bool descending = true, int page = 0, int pageSize = 20) => new()
    {
        View = view,
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        OwnerId = OwnerId,
        TeamId = Guid.TryParse(TeamId, out var team) ? team : null,
        Source = Source,
        Intent = Intent,
        Tags = LeadFieldText.SplitTags(Tags),
        CreatedFrom = From is { } from ? DateOnly.FromDateTime(from) : null,
        CreatedTo = To is { } to ? DateOnly.FromDateTime(to) : null,
        PoolId = Guid.TryParse(PoolId, out var pool) ? pool : null,
        FieldFilters = CustomFieldFilters.All(Fields, Custom),
        Sort = sort,
        Descending = descending,
        Page = page,
        PageSize = pageSize,
    };
}
