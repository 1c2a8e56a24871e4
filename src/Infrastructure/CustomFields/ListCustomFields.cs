using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.CustomFields;

/// <summary>A field on the settings page, with how many leads hold a value (archived fields keep theirs).</summary>
public sealed record CustomFieldRow(CustomField Field, int LeadsWithValue);

/// <summary>The agency's fields for the settings page (needs ManageSettings), active ones in form order, then archived ones.</summary>
public sealed class ListCustomFields(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<IReadOnlyList<CustomFieldRow>> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        var counts = await db.CustomFieldValues.AsNoTracking().Where(v => v.Ordinal == 0)
            .GroupBy(v => v.FieldId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return fields.All.OrderBy(f => f.IsArchived).Select(f => new CustomFieldRow(f, counts.GetValueOrDefault(f.Id))).ToList();
    }
}

/// <summary>The agency's active fields for forms, lists, filters, imports and exports: any member reads them.</summary>
public sealed class LoadCustomFields(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<CustomFieldSet> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        return await CustomFieldSet.LoadAsync(db, ct);
    }
}
