using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Settings;

/// <param name="IsProtected">The public form's own source: it can be renamed but never deactivated.</param>
public sealed record DictionaryRow(int Id, DictionaryKind Kind, string Key, string Name, int SortOrder, bool IsActive, bool IsProtected);

/// <summary>
/// The agency's loan types and sources: add, rename, reorder, deactivate and reactivate. Keys are generated once and
/// never change (leads store keys), so renaming relabels every lead at once; names are unique per kind.
/// </summary>
public sealed class ManageDictionary(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit)
{
    public const int MaxNameLength = 30;

    /// <summary>Every item of both kinds, inactive ones included, in display order.</summary>
    public async Task<IReadOnlyList<DictionaryRow>> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var items = await db.Dictionary.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.SortOrder).ThenBy(d => d.Id).ToListAsync(ct);
        return items.Select(Row).ToList();
    }

    public async Task<Result<DictionaryRow>> AddAsync(DictionaryKind kind, string name, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        if (!Enum.IsDefined(kind)) return Result<DictionaryRow>.Fail("Kind", "Invalid");
        await using var db = contexts.Create();
        var (clean, error) = await CheckNameAsync(db, kind, name, null, ct);
        if (error is not null) return Result<DictionaryRow>.Fail("Name", error);
        var order = await db.Dictionary.Where(d => d.Kind == kind).MaxAsync(d => (int?)d.SortOrder, ct) ?? -1;
        var item = new DictionaryItem { Kind = kind, Key = NewKey(kind), Name = clean, SortOrder = order + 1 };
        db.Dictionary.Add(item);
        audit.Add(db, Actor(user), "dictionary.added", "dictionary", Ref(item), new { kind = kind.ToString(), item.Key, name = clean });
        await db.SaveChangesAsync(ct);
        return Result<DictionaryRow>.Ok(Row(item));
    }

    public async Task<Result> RenameAsync(int id, string name, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        if (await db.Dictionary.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } item) return Result.Fail("", "NotFound");
        var (clean, error) = await CheckNameAsync(db, item.Kind, name, id, ct);
        if (error is not null) return Result.Fail("Name", error);
        if (clean == item.Name) return Result.Ok();
        audit.Add(db, Actor(user), "dictionary.renamed", "dictionary", Ref(item), new { old = item.Name, name = clean });
        item.Name = clean;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Puts the items of <paramref name="kind"/> in the order of <paramref name="orderedIds"/> (all of them, each once).</summary>
    public async Task<Result> ReorderAsync(DictionaryKind kind, IReadOnlyList<int> orderedIds, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var items = await db.Dictionary.Where(d => d.Kind == kind).ToListAsync(ct);
        if (orderedIds.Count != items.Count || !orderedIds.Order().SequenceEqual(items.Select(i => i.Id).Order()))
            return Result.Fail("", "ChangedByOthers");
        for (var i = 0; i < orderedIds.Count; i++) items.Single(x => x.Id == orderedIds[i]).SortOrder = i;
        audit.Add(db, Actor(user), "dictionary.reordered", "dictionary", kind.ToString(),
            new { keys = orderedIds.Select(id => items.Single(x => x.Id == id).Key) });
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        if (await db.Dictionary.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } item) return Result.Fail("", "NotFound");
        if (!active && IsProtected(item)) return Result.Fail("", "DictionaryProtected");
        if (item.IsActive == active) return Result.Ok();
        item.IsActive = active;
        audit.Add(db, Actor(user), active ? "dictionary.reactivated" : "dictionary.deactivated", "dictionary", Ref(item), new { item.Name });
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    private static async Task<(string Clean, string? Error)> CheckNameAsync(AgencyDbContext db, DictionaryKind kind, string? name, int? self, CancellationToken ct)
    {
        var clean = Domain.People.FullWidth.ToHalfWidth((name ?? "").Trim());
        if (clean.Length == 0) return (clean, "Required");
        if (clean.Length > MaxNameLength) return (clean, "TooLong");
        var names = await db.Dictionary.Where(d => d.Kind == kind && d.Id != self).Select(d => new { d.Name, d.Key }).ToListAsync(ct);
        // A name may not equal another item's name or key, or capture would match the wrong one.
        return names.Any(n => string.Equals(n.Name, clean, StringComparison.OrdinalIgnoreCase) || string.Equals(n.Key, clean, StringComparison.OrdinalIgnoreCase))
            ? (clean, "NameTaken") : (clean, null);
    }

    private static string NewKey(DictionaryKind kind) =>
        (kind == DictionaryKind.LoanType ? "type-" : "source-") + Guid.NewGuid().ToString("N")[..10];

    private static bool IsProtected(DictionaryItem item) => item.Kind == DictionaryKind.Source && item.Key == DefaultDictionaries.WebFormSource;

    private static DictionaryRow Row(DictionaryItem i) => new(i.Id, i.Kind, i.Key, i.Name, i.SortOrder, i.IsActive, IsProtected(i));

    private static string Ref(DictionaryItem item) => item.Kind + ":" + item.Key;

    private static AuditActor Actor(CurrentUser user) => new(user.UserId, user.FullName);
}
