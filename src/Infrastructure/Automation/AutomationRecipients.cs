using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>
/// Who an action's target names, among active members: "owner" the lead's owner; "manager" the managers of the owner's
/// team (the agency's owners and admins when the team has none); "user:{id}"; "role:{key}" everyone of that role.
/// </summary>
public static class AutomationRecipients
{
    public static async Task<List<string>> ResolveAsync(AgencyDbContext db, Lead lead, string? target, CancellationToken ct)
    {
        var active = db.Users.AsNoTracking().Where(u => u.IsActive);
        switch (target)
        {
            case "owner":
                return lead.OwnerId is { } owner && await active.AnyAsync(u => u.Id == owner, ct) ? [owner] : [];
            case "manager":
                if (lead.OwnerId is null) return [];
                var team = lead.TeamId ?? await active.Where(u => u.Id == lead.OwnerId).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
                return await TeamManagers.OfAsync(db, lead.OwnerId, team, [AgencyRole.Owner, AgencyRole.Admin], ct);
            case { } user when user.StartsWith("user:", StringComparison.Ordinal):
                var id = user[5..];
                return await active.AnyAsync(u => u.Id == id, ct) ? [id] : [];
            case { } role when role.StartsWith("role:", StringComparison.Ordinal) && AgencyRoles.TryParse(role[5..], out var parsed):
                return await active.Where(u => u.Role == parsed).Select(u => u.Id).ToListAsync(ct);
            default:
                return [];
        }
    }
}
