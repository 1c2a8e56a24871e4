using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Pools;

/// <summary>Takes a pool out of use (needs ManageLeads); its leads are untouched. Refusals: Pool.NotFound, ChangedByOthers.</summary>
public sealed class ArchivePool(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(Guid poolId, long version, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var pool = await db.CustomerPools.FirstOrDefaultAsync(p => p.Id == poolId && !p.IsArchived, ct);
        if (pool is null) return Result<Guid>.Fail("Pool", "NotFound");
        if (pool.Version != version) return Result<Guid>.Fail("", "ChangedByOthers");
        pool.IsArchived = true;
        pool.UpdatedAt = time.GetUtcNow();
        pool.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "pool.archived", "pool", pool.Id.ToString(), new { name = pool.Name });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        await live.PublishAsync(PoolEvents.Topic(tenant.Required.Id), PoolEvents.Changed(pool.Id), ct);
        return Result<Guid>.Ok(pool.Id);
    }
}
