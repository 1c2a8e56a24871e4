using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>An agency's loan types and sources, matched by key or name.</summary>
public sealed class LeadDictionaries(IReadOnlyList<DictionaryItem> items)
{
    public IReadOnlyList<DictionaryItem> Items => items;

    public static async Task<LeadDictionaries> LoadAsync(AgencyDbContext db, CancellationToken ct) =>
        new(await db.Dictionary.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ToListAsync(ct));

    public IEnumerable<DictionaryItem> Active(DictionaryKind kind) => items.Where(i => i.Kind == kind && i.IsActive);

    /// <summary>The key of the active item whose key or name is <paramref name="text"/>, ignoring case and spaces.</summary>
    public string? Match(DictionaryKind kind, string text)
    {
        var wanted = text.Trim();
        return Active(kind).FirstOrDefault(i => string.Equals(i.Key, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(i.Name, wanted, StringComparison.OrdinalIgnoreCase))?.Key;
    }

    /// <summary>The display name for a stored key (also of inactive items, so old leads still read well).</summary>
    public string? NameOf(DictionaryKind kind, string? key) =>
        key is null ? null : items.FirstOrDefault(i => i.Kind == kind && i.Key == key)?.Name ?? key;
}
