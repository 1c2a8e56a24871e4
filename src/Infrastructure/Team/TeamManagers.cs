using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>A member's managers, for notices about their leads (reclaim, automation).</summary>
public static class TeamManagers
{
    /// <summary>
    /// The active managers (经理) of <paramref name="teamId"/>; when it has none, the active members of the
    /// <paramref name="fallback"/> roles. Never <paramref name="memberId"/> themself.
    /// </summary>
    public static async Task<List<string>> OfAsync(AgencyDbContext db, string memberId, Guid? teamId, IReadOnlyCollection<AgencyRole> fallback, CancellationToken ct)
    {
        var others = db.Users.AsNoTracking().Where(u => u.IsActive && u.Id != memberId);
        var managers = teamId is null ? [] : await others.Where(u => u.Role == AgencyRole.Manager && u.TeamId == teamId).Select(u => u.Id).ToListAsync(ct);
        return managers.Count > 0 ? managers : await others.Where(u => fallback.Contains(u.Role)).Select(u => u.Id).ToListAsync(ct);
    }
}
