using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

public sealed record Mentionable(string UserId, string Name);

/// <summary>
/// The active colleagues who may see a lead under their role's data scope — the only ones a comment may mention, so
/// a mention never shows a lead's name to someone outside its scope.
/// </summary>
public static class LeadMentionables
{
    public static async Task<List<Mentionable>> ForAsync(AgencyDbContext db, Lead lead, CancellationToken ct)
    {
        var scopes = await db.RoleSettings.AsNoTracking().ToDictionaryAsync(r => r.Role, r => r.DataScope, ct);
        var members = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.FullName, u.Role, u.TeamId }).ToListAsync(ct);
        return members
            .Where(m => new CurrentUser(m.Id, m.FullName, m.Role, scopes.TryGetValue(m.Role, out var scope) ? scope : AgencyRoles.ScopeOf(m.Role), m.TeamId, Permission.None)
                .CanSee(lead))
            .OrderBy(m => m.FullName, StringComparer.Ordinal).Select(m => new Mentionable(m.Id, m.FullName)).ToList();
    }
}
