using LoanSaaS.Domain.Approvals;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>How many approval tasks wait for the signed-in member (theirs and their delegators'): the nav badge.</summary>
public sealed class CountMyApprovals(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } user) return 0;
        await using var db = contexts.Create();
        var mine = await ApprovalAccess.ApproverIdsForAsync(db, user.UserId, time.GetUtcNow(), ct);
        return await db.ApprovalTasks.CountAsync(t => t.Status == ApprovalTaskStatus.Open && mine.Contains(t.ApproverId), ct);
    }
}
