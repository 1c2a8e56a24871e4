using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>Ends the signed-in member's own delegation now, at its version. Refusals: Delegation.NotFound, ChangedByOthers.</summary>
public sealed class ClearApprovalDelegation(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid delegationId, long version, CancellationToken ct)
    {
        var user = await current.GetAsync(ct) ?? throw new AccessDeniedException("Not signed in.");
        await using var db = contexts.Create();
        var delegation = await db.ApprovalDelegations.FirstOrDefaultAsync(d => d.Id == delegationId && d.FromUserId == user.UserId && d.ClearedAt == null, ct);
        if (delegation is null) return Result.Fail("Delegation", "NotFound");
        db.Entry(delegation).Property(d => d.Version).OriginalValue = version;
        (delegation.ClearedAt, delegation.Version) = (time.GetUtcNow(), version + 1);
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "approval.delegation-cleared", "delegation", delegation.Id.ToString(), null);
        return await ConcurrentSave.SaveAsync(db, ct);
    }
}
