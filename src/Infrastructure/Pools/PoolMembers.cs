using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Pools;

/// <summary>
/// Which leads a pool's condition (or a list's field filters) selects, in SQL, over the built-in and the agency's own
/// fields; callers narrow to the viewer's scope first (<see cref="LeadVisibility.VisibleUnmerged"/>).
/// </summary>
public static class PoolMembers
{
    public static IQueryable<Lead> Of(IQueryable<Lead> leads, ConditionNode condition, ConditionSchema<Lead> schema, DateTimeOffset now) =>
        leads.Where(ConditionCompiler.ToExpression(condition, schema, now));

    /// <summary>The condition's problems as field errors, "Condition" or "Condition.{path}" (e.g. "Condition.1.0").</summary>
    public static IReadOnlyList<FieldError> Check(ConditionNode? condition, ConditionSchema<Lead> schema)
    {
        if (condition is null) return [new FieldError("Condition", "Required")];
        return ConditionCompiler.Validate(condition, schema)
            .Select(e => new FieldError(e.Path.Length == 0 ? "Condition" : "Condition." + e.Path, e.Code)).ToList();
    }

    /// <summary>
    /// The leads of <paramref name="leads"/> the pool selects (none when the pool is archived or unknown, never all) and
    /// every field filter keeps; a filter that does not fit the agency's fields (an archived field in an old link) is skipped.
    /// </summary>
    public static async Task<IQueryable<Lead>> NarrowAsync(AgencyDbContext db, IQueryable<Lead> leads, Guid? poolId, IReadOnlyList<Comparison> fieldFilters,
        DateTimeOffset now, CancellationToken ct)
    {
        if (poolId is null && fieldFilters.Count == 0) return leads;
        var schema = (await CustomFieldSet.LoadAsync(db, ct)).Schema;
        if (poolId is { } id)
            leads = await FindAsync(db, id, ct) is { } pool ? Of(leads, pool.Condition, schema, now) : leads.Where(_ => false);
        foreach (var filter in fieldFilters.Where(f => ConditionCompiler.Validate(f, schema).Count == 0))
            leads = Of(leads, filter, schema, now);
        return leads;
    }

    /// <summary>A pool still in use, by id; null when archived or unknown.</summary>
    public static Task<Domain.Pools.CustomerPool?> FindAsync(AgencyDbContext db, Guid id, CancellationToken ct) =>
        db.CustomerPools.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && !p.IsArchived, ct);
}
