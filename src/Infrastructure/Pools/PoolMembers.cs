using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Pools;

/// <summary>Which leads a pool's condition selects, in SQL; callers narrow to the viewer's scope first (<see cref="LeadVisibility.VisibleUnmerged"/>).</summary>
public static class PoolMembers
{
    public static IQueryable<Lead> Of(IQueryable<Lead> leads, ConditionNode condition, DateTimeOffset now) =>
        leads.Where(ConditionCompiler.ToExpression(condition, LeadConditions.Schema, now));

    /// <summary>The condition's problems as field errors, "Condition" or "Condition.{path}" (e.g. "Condition.1.0").</summary>
    public static IReadOnlyList<FieldError> Check(ConditionNode? condition)
    {
        if (condition is null) return [new FieldError("Condition", "Required")];
        return ConditionCompiler.Validate(condition, LeadConditions.Schema)
            .Select(e => new FieldError(e.Path.Length == 0 ? "Condition" : "Condition." + e.Path, e.Code)).ToList();
    }

    /// <summary>The leads of <paramref name="leads"/> the pool selects; none when the pool is archived or unknown (never all).</summary>
    public static async Task<IQueryable<Lead>> NarrowAsync(AgencyDbContext db, IQueryable<Lead> leads, Guid? poolId, DateTimeOffset now, CancellationToken ct)
    {
        if (poolId is not { } id) return leads;
        return await FindAsync(db, id, ct) is { } pool ? Of(leads, pool.Condition, now) : leads.Where(_ => false);
    }

    /// <summary>A pool still in use, by id; null when archived or unknown.</summary>
    public static Task<Domain.Pools.CustomerPool?> FindAsync(AgencyDbContext db, Guid id, CancellationToken ct) =>
        db.CustomerPools.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && !p.IsArchived, ct);
}
