using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

public sealed record FindDuplicatesRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 50;
    /// <summary>Groups per reason that are ranked and paged; more than this is a clean-up job, not a screen.</summary>
    public const int MaxGroupsPerReason = 500;
    public const int MaxLeadsPerGroup = 20;
}

/// <summary>A lead as shown in a duplicate group: masked personal data only.</summary>
public sealed record DuplicateLead(
    Guid Id, string Number, string Name, string? MobileMasked, string? IdNumberMasked, string? City,
    string? OwnerName, DateTimeOffset CreatedAt, LeadStatus Status, string? CustomerNumber, long Version);

public sealed record DuplicateGroup(LeadDuplicateReason Reason, IReadOnlyList<DuplicateLead> Leads)
{
    public string Key => $"{Reason}:{string.Join(',', Leads.Select(l => l.Id))}";
}

public sealed record DuplicatePage(IReadOnlyList<DuplicateGroup> Groups, int TotalGroups);

/// <summary>
/// Likely duplicates among the actor's visible, not yet merged leads: the same mobile, the same ID number (both by
/// blind index, never decrypted) or the same name in the same city under different mobiles. The grouping runs in SQL;
/// only the leads of the requested page are loaded.
/// </summary>
public sealed class FindDuplicateLeads(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    private sealed record GroupKey(LeadDuplicateReason Reason, string Key, string? City, string Latest);

    public async Task<DuplicatePage> HandleAsync(FindDuplicatesRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        var size = Math.Clamp(request.PageSize, 1, FindDuplicatesRequest.MaxPageSize);
        await using var db = contexts.Create();
        var leads = db.Leads.AsNoTracking().VisibleUnmerged(user);
        const int max = FindDuplicatesRequest.MaxGroupsPerReason;

        // Lead numbers carry the date and a sequence, so the greatest number is the newest lead of a group.
        var byMobile = (await leads.Where(l => l.Mobile.Index != null).GroupBy(l => l.Mobile.Index!)
                .Where(g => g.Count() > 1).Select(g => new { g.Key, Latest = g.Max(l => l.Number) })
                .OrderByDescending(g => g.Latest).Take(max).ToListAsync(ct))
            .Select(g => new GroupKey(LeadDuplicateReason.SameMobile, g.Key, null, g.Latest!));
        var byIdNumber = (await leads.Where(l => l.IdNumber.Index != null).GroupBy(l => l.IdNumber.Index!)
                .Where(g => g.Count() > 1).Select(g => new { g.Key, Latest = g.Max(l => l.Number) })
                .OrderByDescending(g => g.Latest).Take(max).ToListAsync(ct))
            .Select(g => new GroupKey(LeadDuplicateReason.SameIdNumber, g.Key, null, g.Latest!));
        var byNameAndCity = (await leads.Where(l => l.City != null).GroupBy(l => new { l.Name, l.City })
                .Where(g => g.Select(l => l.Mobile.Index).Distinct().Count() > 1)
                .Select(g => new { g.Key.Name, g.Key.City, Latest = g.Max(l => l.Number) })
                .OrderByDescending(g => g.Latest).Take(max).ToListAsync(ct))
            .Select(g => new GroupKey(LeadDuplicateReason.SameNameAndCity, g.Name, g.City, g.Latest!));

        // Newest first: the duplicates that just came in are the ones worth handling now.
        var all = byMobile.Concat(byIdNumber).Concat(byNameAndCity).OrderByDescending(k => k.Latest, StringComparer.Ordinal).ThenBy(k => k.Reason).ToList();
        var keys = all.Skip(Math.Max(request.Page, 0) * size).Take(size).ToList();
        return new DuplicatePage(await LoadGroupsAsync(db, leads, keys, ct), all.Count);
    }

    private static async Task<IReadOnlyList<DuplicateGroup>> LoadGroupsAsync(AgencyDbContext db, IQueryable<Lead> leads, List<GroupKey> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return [];
        var mobiles = Keys(keys, LeadDuplicateReason.SameMobile);
        var idNumbers = Keys(keys, LeadDuplicateReason.SameIdNumber);
        var names = Keys(keys, LeadDuplicateReason.SameNameAndCity);
        var members = await leads
            .Where(l => (l.Mobile.Index != null && mobiles.Contains(l.Mobile.Index)) || (l.IdNumber.Index != null && idNumbers.Contains(l.IdNumber.Index)) || (names.Contains(l.Name) && l.City != null))
            .OrderBy(l => l.Number)
            .Select(l => new
            {
                l.Id, l.Number, l.Name, MobileIndex = l.Mobile.Index, MobileMasked = l.Mobile.Masked, IdIndex = l.IdNumber.Index,
                IdMasked = l.IdNumber.Masked, l.City, l.OwnerId, l.CreatedAt, l.Status, l.CustomerNumber, l.Version,
            })
            .ToListAsync(ct);
        var ownerIds = members.Where(m => m.OwnerId != null).Select(m => m.OwnerId!).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);

        return keys.Select(k => new DuplicateGroup(k.Reason, members
                .Where(m => k.Reason switch
                {
                    LeadDuplicateReason.SameMobile => m.MobileIndex == k.Key,
                    LeadDuplicateReason.SameIdNumber => m.IdIndex == k.Key,
                    _ => m.Name == k.Key && m.City == k.City,
                })
                .Take(FindDuplicatesRequest.MaxLeadsPerGroup)
                .Select(m => new DuplicateLead(m.Id, m.Number, m.Name, m.MobileMasked, m.IdMasked, m.City,
                    m.OwnerId is { } o && owners.TryGetValue(o, out var owner) ? owner : null,
                    m.CreatedAt, m.Status, m.CustomerNumber, m.Version))
                .ToList()))
            .Where(g => g.Leads.Count > 1)
            .ToList();
    }

    private static List<string> Keys(List<GroupKey> keys, LeadDuplicateReason reason) =>
        keys.Where(k => k.Reason == reason).Select(k => k.Key).Distinct().ToList();
}
