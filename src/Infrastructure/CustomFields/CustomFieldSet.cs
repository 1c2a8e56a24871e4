using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.CustomFields;

/// <summary>An agency's custom fields as read once for a request: in order, archived ones kept for reading old values and saved conditions.</summary>
public sealed class CustomFieldSet(IReadOnlyList<CustomField> all)
{
    public static readonly CustomFieldSet Empty = new([]);

    private ConditionSchema<Lead>? _schema;

    public IReadOnlyList<CustomField> All { get; } = all;

    /// <summary>The fields forms, lists, imports and exports offer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<CustomField> Active => All.Where(f => !f.IsArchived).ToList();

    /// <summary>The active fields of a lead (customer fields once it is a customer).</summary>
    public IReadOnlyList<CustomField> For(bool isCustomer) => All.Where(f => !f.IsArchived && f.AppliesTo(isCustomer)).ToList();

    public CustomField? Find(string? key) => CustomFieldKeys.TryParse(key, out var id) ? Find(id) : null;

    public CustomField? Find(Guid id) => All.FirstOrDefault(f => f.Id == id);

    /// <summary>Built-in lead fields plus these, for conditions (pools, filters, rules).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ConditionSchema<Lead> Schema => _schema ??= LeadConditions.With(All);

    public static async Task<CustomFieldSet> LoadAsync(AgencyDbContext db, CancellationToken ct) =>
        new(await db.CustomFields.AsNoTracking().OrderBy(f => f.Order).ThenBy(f => f.CreatedAt).ToListAsync(ct));
}
