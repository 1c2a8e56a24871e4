using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>Whose tasks a member may see and decide: their own, and those of members who delegated to them today.</summary>
public static class ApprovalAccess
{
    public static readonly FieldError TaskNotFound = new("Task", "NotFound");

    /// <summary>The member and everyone whose tasks they hold as delegate on <paramref name="now"/>'s Shanghai day.</summary>
    public static async Task<List<string>> ApproverIdsForAsync(AgencyDbContext db, string userId, DateTimeOffset now, CancellationToken ct)
    {
        var today = Shanghai.DateOf(now);
        var delegators = await db.ApprovalDelegations.AsNoTracking()
            .Where(d => d.ToUserId == userId && d.ClearedAt == null && d.StartsOn <= today && d.EndsOn >= today)
            .Select(d => d.FromUserId).Distinct().ToListAsync(ct);
        return [userId, .. delegators];
    }

    /// <summary>Open tasks of approvers who can no longer decide them (deactivated or removed members): 无人处理.</summary>
    public static IQueryable<ApprovalTask> Stuck(AgencyDbContext db) =>
        db.ApprovalTasks.Where(t => t.Status == ApprovalTaskStatus.Open && !db.Users.Any(u => u.Id == t.ApproverId && u.IsActive));
}
