using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

public sealed record LeadFilterChoice(string Key, string Name);

/// <summary>Choices the filter bars, the dashboard and the condition builder share, named and ordered alike.</summary>
public static class LeadFilterChoices
{
    public static async Task<IReadOnlyList<LeadFilterChoice>> TeamsAsync(AgencyDbContext db, CancellationToken ct) =>
        (await db.Teams.AsNoTracking().Where(t => !t.IsArchived).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new LeadFilterChoice(t.Id.ToString(), t.Name)).ToList();

    public static async Task<IReadOnlyList<LeadFilterChoice>> MembersAsync(IQueryable<AgencyUser> members, CancellationToken ct) =>
        (await members.Select(u => new { u.Id, u.FullName }).ToListAsync(ct))
            .OrderBy(u => u.FullName, StringComparer.Ordinal).Select(u => new LeadFilterChoice(u.Id, u.FullName)).ToList();
}
