using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

using LoanSaaS.Infrastructure.CustomFields;

namespace LoanSaaS.Infrastructure.Pools;

/// <param name="Count">Leads and customers the pool selects now, within the viewer's data scope.</param>
public sealed record PoolSummary(Guid Id, string Name, string? Description, ConditionNode Condition, int Count, string CreatedByName, DateTimeOffset UpdatedAt, long Version);

/// <param name="CanManage">The viewer may create, change and archive pools.</param>
/// <param name="Schema">The fields the conditions may name (the agency's own included), to put them in words.</param>
public sealed record PoolList(IReadOnlyList<PoolSummary> Pools, bool CanManage, Domain.Automation.ConditionSchema<Domain.Leads.Lead> Schema);

/// <summary>The agency's pools with their live counts in the viewer's scope (one COUNT per pool, in SQL).</summary>
public sealed class ListPools(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<PoolList> HandleAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var pools = await db.CustomerPools.AsNoTracking().Where(p => !p.IsArchived).ToListAsync(ct);
        var now = time.GetUtcNow();
        var schema = (await CustomFieldSet.LoadAsync(db, ct)).Schema;
        var summaries = new List<PoolSummary>();
        foreach (var pool in pools.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id))
        {
            var count = await PoolMembers.Of(db.Leads.AsNoTracking().VisibleUnmerged(user), pool.Condition, schema, now).CountAsync(ct);
            summaries.Add(new PoolSummary(pool.Id, pool.Name, pool.Description, pool.Condition, count, pool.CreatedByName, pool.UpdatedAt, pool.Version));
        }
        return new PoolList(summaries, user.Can(Permission.ManageLeads), schema);
    }
}
