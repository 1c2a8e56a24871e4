using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>The data-scope filter every lead query goes through (sales: own; manager: team; others: all).</summary>
public static class LeadVisibility
{
    public static IQueryable<Lead> VisibleTo(this IQueryable<Lead> leads, CurrentUser user) => user.Scope switch
    {
        DataScope.All => leads,
        DataScope.Team when user.TeamId is { } team => leads.Where(l => l.TeamId == team || l.OwnerId == user.UserId),
        _ => leads.Where(l => l.OwnerId == user.UserId),
    };

    /// <summary>Visible in the member's scope and not merged away: the records a count or a report stands on.</summary>
    /// <summary>Open leads (意向客户): active and not yet converted — what a member "holds".</summary>
    public static IQueryable<Lead> Open(this IQueryable<Lead> leads) => leads.Where(l => l.Status == LeadStatus.Active && l.ConvertedAt == null);

    /// <summary>How many open leads each of <paramref name="ownerIds"/> (or every member, when null) holds.</summary>
    public static Task<Dictionary<string, int>> OpenCountsByOwnerAsync(this IQueryable<Lead> leads, IReadOnlyCollection<string>? ownerIds, CancellationToken ct)
    {
        var owned = leads.Open().Where(l => l.OwnerId != null);
        if (ownerIds is not null) owned = owned.Where(l => ownerIds.Contains(l.OwnerId!));
        return owned.GroupBy(l => l.OwnerId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public static IQueryable<Lead> VisibleUnmerged(this IQueryable<Lead> leads, CurrentUser user) => leads.VisibleTo(user).Where(l => l.Status != LeadStatus.Merged);

    /// <summary>Visible in the member's scope, or waiting in the public pool (which every member may see and claim).</summary>
    public static IQueryable<Lead> VisibleOrPooled(this IQueryable<Lead> leads, CurrentUser user) => user.Scope switch
    {
        DataScope.All => leads,
        DataScope.Team when user.TeamId is { } team => leads.Where(l => l.TeamId == team || l.OwnerId == user.UserId || l.Status == LeadStatus.PublicPool),
        _ => leads.Where(l => l.OwnerId == user.UserId || l.Status == LeadStatus.PublicPool),
    };

    public static bool CanSee(this CurrentUser user, Lead lead) => user.CanSee(lead.OwnerId, lead.TeamId);

    public static bool CanSee(this CurrentUser user, string? ownerId, Guid? teamId) => user.Scope switch
    {
        DataScope.All => true,
        DataScope.Team when user.TeamId is { } team => teamId == team || ownerId == user.UserId,
        _ => ownerId == user.UserId,
    };
}
