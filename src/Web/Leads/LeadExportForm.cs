using System.Globalization;
using System.Text.Json;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Leads;

namespace LoanSaaS.Web.Leads;

/// <summary>
/// A list's filters as form fields: the export form posts exactly what the list shows. A form post, not a link, so the
/// search (perhaps a mobile) and the reason for an unmasked export never reach URLs, browser history or access logs.
/// </summary>
public static class LeadExportForm
{
    public const string ExportPath = "/leads/export";

    public static IReadOnlyList<KeyValuePair<string, string>> Fields(LeadListQuery q, bool unmasked, string? reason)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["view"] = q.View.ToString(),
            ["owner"] = q.OwnerId,
            ["team"] = q.TeamId?.ToString(),
            ["source"] = q.Source,
            ["intent"] = q.Intent?.ToString(),
            ["tags"] = q.Tags.Count == 0 ? null : string.Join(',', q.Tags),
            ["from"] = q.CreatedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = q.CreatedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["q"] = string.IsNullOrWhiteSpace(q.Search) ? null : q.Search.Trim(),
            ["pool"] = q.PoolId?.ToString(),
            ["fields"] = q.FieldFilters.Count == 0 ? null : JsonSerializer.Serialize(q.FieldFilters),
            ["sort"] = q.Sort.ToString(),
            ["desc"] = q.Descending ? "true" : "false",
            ["unmasked"] = unmasked ? "true" : null,
            ["reason"] = unmasked ? reason : null,
        };
        return parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => KeyValuePair.Create(p.Key, p.Value!)).ToList();
    }

    /// <summary>The custom field filters as posted; unreadable or oversized ones are dropped (the use case checks each against the fields).</summary>
    private static IReadOnlyList<Comparison> FieldFilters(string? json)
    {
        if (json is null || json.Length > 8_000) return [];
        try
        {
            return (JsonSerializer.Deserialize<List<Comparison>>(json) ?? []).Where(c => c.Field is not null && c.Values is not null).Take(50).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static LeadListQuery Parse(IFormCollection form)
    {
        string? Get(string key) => form.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        return new LeadListQuery
        {
            View = Enum.TryParse<LeadView>(Get("view"), out var view) && Enum.IsDefined(view) ? view : LeadView.Leads,
            OwnerId = Get("owner"),
            TeamId = Guid.TryParse(Get("team"), out var team) ? team : null,
            Source = Get("source"),
            Intent = Enum.TryParse<IntentLevel>(Get("intent"), out var intent) && Enum.IsDefined(intent) ? intent : null,
            Tags = LeadFieldText.SplitTags(Get("tags")),
            CreatedFrom = DateOnly.TryParseExact(Get("from"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) ? from : null,
            CreatedTo = DateOnly.TryParseExact(Get("to"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) ? to : null,
            Search = Get("q"),
            PoolId = Guid.TryParse(Get("pool"), out var pool) ? pool : null,
            FieldFilters = FieldFilters(Get("fields")),
            Sort = Enum.TryParse<LeadSort>(Get("sort"), out var sort) && Enum.IsDefined(sort) ? sort : LeadSort.Created,
            Descending = Get("desc") != "false",
        };
    }
}
