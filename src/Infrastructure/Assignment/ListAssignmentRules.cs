using LoanSaaS.Domain.Assignment;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Assignment;

/// <summary>A member rules may name: whether they are on leave and how many open leads they hold.</summary>
public sealed record AssignableMember(string UserId, string FullName, string? TeamName, DateOnly? AwayUntil, int OpenLeads);

/// <param name="HoldingCap">Open leads one member may hold; null for no cap.</param>
/// <param name="DailyClaimCap">Leads one member may claim from the public pool per Shanghai day; null for no cap.</param>
public sealed record AssignmentRuleList(IReadOnlyList<AssignmentRule> Rules, IReadOnlyList<AssignableMember> Members, IReadOnlyList<LeadFilterChoice> Teams,
    int? HoldingCap, int? DailyClaimCap);

/// <summary>The agency's rules in order, with the members and teams they may name (needs ManageSettings).</summary>
public sealed class ListAssignmentRules(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<AssignmentRuleList> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var rules = await db.AssignmentRules.AsNoTracking().Where(r => !r.IsArchived).OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var open = await db.Leads.AsNoTracking().OpenCountsByOwnerAsync(null, ct);
        var members = (await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.FullName, u.TeamId, u.AwayUntil }).ToListAsync(ct))
            .OrderBy(u => u.FullName, StringComparer.Ordinal)
            .Select(u => new AssignableMember(u.Id, u.FullName, u.TeamId is { } t ? teams.GetValueOrDefault(t) : null, u.AwayUntil, open.GetValueOrDefault(u.Id))).ToList();
        return new AssignmentRuleList(rules, members, await LeadFilterChoices.TeamsAsync(db, ct), await AssignmentSettings.HoldingCapAsync(db, ct),
            await AssignmentSettings.DailyClaimCapAsync(db, ct));
    }
}
