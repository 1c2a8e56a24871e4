using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Pools;

/// <summary>What a condition being built selects now: the count in the viewer's scope, or why it cannot run yet.</summary>
public sealed class PreviewPool(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<Result<int>> HandleAsync(ConditionNode? condition, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var schema = (await CustomFieldSet.LoadAsync(db, ct)).Schema;
        if (PoolMembers.Check(condition, schema) is { Count: > 0 } errors) return Result<int>.Fail(errors);
        return Result<int>.Ok(await PoolMembers.Of(db.Leads.AsNoTracking().VisibleUnmerged(user), condition!, schema, time.GetUtcNow()).CountAsync(ct));
    }
}
