using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Pools;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Pools;

/// <param name="PoolId">Null creates a pool; else the pool to change, at <see cref="Version"/>.</param>
public sealed record SavePoolRequest(Guid? PoolId, long Version, string? Name, string? Description, ConditionNode? Condition);

/// <summary>
/// Creates or changes a pool (needs <see cref="Permission.ManageLeads"/>): a unique name and a condition that
/// validates against the lead fields. Refusals: Name.Required / TooLong / Taken, Description.TooLong,
/// Condition[.path].* (see <see cref="ConditionCompiler.Validate{T}"/>), Pool.NotFound, ChangedByOthers.
/// </summary>
public sealed class SavePool(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(SavePoolRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        var name = request.Name?.Trim() ?? "";
        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        var errors = new List<FieldError>();
        if (name.Length == 0) errors.Add(new("Name", "Required"));
        else if (name.Length > CustomerPool.MaxNameLength) errors.Add(new("Name", "TooLong"));
        if (description?.Length > CustomerPool.MaxDescriptionLength) errors.Add(new("Description", "TooLong"));
        await using var db = contexts.Create();
        errors.AddRange(PoolMembers.Check(request.Condition, (await CustomFieldSet.LoadAsync(db, ct)).Schema));
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        if (await db.CustomerPools.AnyAsync(p => p.Name == name && !p.IsArchived && p.Id != request.PoolId, ct)) return Result<Guid>.Fail("Name", "Taken");
        var now = time.GetUtcNow();
        CustomerPool pool;
        if (request.PoolId is { } id)
        {
            var found = await db.CustomerPools.FirstOrDefaultAsync(p => p.Id == id && !p.IsArchived, ct);
            if (found is null) return Result<Guid>.Fail("Pool", "NotFound");
            if (found.Version != request.Version) return Result<Guid>.Fail("", "ChangedByOthers");
            pool = found;
            (pool.Name, pool.Description, pool.Condition) = (name, description, request.Condition!);
        }
        else
        {
            pool = new CustomerPool { Name = name, Description = description, Condition = request.Condition!, CreatedById = user.UserId, CreatedByName = user.FullName, CreatedAt = now };
            db.CustomerPools.Add(pool);
        }
        pool.UpdatedAt = now;
        pool.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), request.PoolId is null ? "pool.created" : "pool.changed", "pool", pool.Id.ToString(),
            new { name, condition = System.Text.Json.JsonSerializer.Serialize(pool.Condition) });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        await live.PublishAsync(PoolEvents.Topic(tenant.Required.Id), PoolEvents.Changed(pool.Id), ct);
        return Result<Guid>.Ok(pool.Id);
    }
}
