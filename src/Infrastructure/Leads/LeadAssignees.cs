using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>A member a lead can be handed to.</summary>
public sealed record LeadAssignee(string UserId, string FullName, Guid? TeamId, string? TeamName);

/// <summary>Who may own leads handed out by a member with ManageLeads: active members; a team-scoped manager's own team only.</summary>
public static class LeadAssignees
{
    public static IQueryable<AgencyUser> For(AgencyDbContext db, CurrentUser user)
    {
        var active = db.Users.Where(u => u.IsActive);
        if (user.Scope == DataScope.All) return active;
        var team = user.TeamId;
        return active.Where(u => u.Id == user.UserId || (team != null && u.TeamId == team));
    }

    public static async Task<IReadOnlyList<LeadAssignee>> ListAsync(AgencyDbContext db, CurrentUser user, CancellationToken ct)
    {
        var members = await For(db, user).Select(u => new { u.Id, u.FullName, u.TeamId }).ToListAsync(ct);
        var teams = await db.Teams.Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return members
            .Select(m => new LeadAssignee(m.Id, m.FullName, m.TeamId, m.TeamId is { } t && teams.TryGetValue(t, out var n) ? n : null))
            .OrderBy(m => m.TeamName ?? "", StringComparer.Ordinal).ThenBy(m => m.FullName, StringComparer.Ordinal).ToList();
    }
}
