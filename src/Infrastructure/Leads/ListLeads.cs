using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>One row of a lead list: personal data masked, dictionary keys resolved to names.</summary>
public sealed record LeadListRow(
    Guid Id, string Number, string? CustomerNumber, string Name, string? MobileMasked, string? City,
    string? LoanType, decimal? AmountWan, string? Source, IntentLevel? Intent, IReadOnlyList<string> Tags,
    LeadStatus Status, string? OwnerId, string? OwnerName, DateTimeOffset CreatedAt, DateTimeOffset? NextFollowUpAt,
    string? BlacklistReason, string? BlacklistedBy, DateTimeOffset? BlacklistedAt, long Version)
{
    /// <summary>The agency's own fields by id, as invariant text (personal data masked).</summary>
    public IReadOnlyDictionary<Guid, string> Custom { get; init; } = new Dictionary<Guid, string>();
}

/// <summary>A page of rows; <see cref="Total"/> stops counting at <see cref="ListLeads.CountLimit"/> (shown as "more than 1,000").</summary>
public sealed record LeadListPage(IReadOnlyList<LeadListRow> Rows, int Total, bool TotalIsCapped);

/// <summary>
/// The lead, customer, pool and blacklist lists: server-side paging, sorting, filters and search, always inside the
/// viewer's data scope. Counting stops at 1,001: an exact count of a filtered million-lead list costs hundreds of
/// milliseconds (it reads every matching row), and nobody pages past 50 pages (docs/benchmarks.md, "Lead list").
/// </summary>
public sealed class ListLeads(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantPersonalData personalData, TimeProvider time)
{
    public const int CountLimit = 1_000;

    public async Task<LeadListPage> HandleAsync(LeadListQuery query, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var protector = await personalData.GetAsync(ct);
        await using var db = contexts.Create();
        var filtered = await Pools.PoolMembers.NarrowAsync(db, ListLeadsQuery.Filter(db.Leads.AsNoTracking(), query, user, protector), query.PoolId, query.FieldFilters, time.GetUtcNow(), ct);
        var size = Math.Clamp(query.PageSize, 1, LeadListQuery.MaxPageSize);
        var page = await ListLeadsQuery.Order(filtered, query.Sort, query.Descending)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .Select(l => new
            {
                l.Id, l.Number, l.CustomerNumber, l.Name, MobileMasked = l.Mobile.Masked, l.City, l.LoanType, l.AmountWan,
                l.Source, l.Intent, l.Status, l.OwnerId, l.CreatedAt, l.NextFollowUpAt, l.BlacklistReason, l.Version,
            })
            .ToListAsync(ct);
        var counted = await filtered.Take(CountLimit + 1).CountAsync(ct);

        var ids = page.Select(l => l.Id).ToList();
        var tags = (await db.LeadTags.AsNoTracking().Where(t => ids.Contains(t.LeadId)).ToListAsync(ct))
            .GroupBy(t => t.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList());
        var ownerIds = page.Where(l => l.OwnerId != null).Select(l => l.OwnerId!).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var blacklist = query.View == LeadView.Blacklist
            ? (await db.Blacklist.AsNoTracking().Where(b => b.LeadId != null && ids.Contains(b.LeadId.Value)).ToListAsync(ct))
                .GroupBy(b => b.LeadId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.AddedAt).First())
            : [];
        var dictionaries = await LeadDictionaries.LoadAsync(db, ct);
        var custom = (await db.CustomFieldValues.AsNoTracking().Where(v => ids.Contains(v.LeadId)).ToListAsync(ct))
            .GroupBy(v => v.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<Guid, string>)g.GroupBy(v => v.FieldId)
                .ToDictionary(f => f.Key, f => Domain.CustomFields.CustomFieldChanges.Text(f) ?? ""));

        var rows = page.Select(l =>
        {
            var entry = blacklist.GetValueOrDefault(l.Id);
            return new LeadListRow(l.Id, l.Number, l.CustomerNumber, l.Name, l.MobileMasked, l.City,
                dictionaries.NameOf(DictionaryKind.LoanType, l.LoanType), l.AmountWan, dictionaries.NameOf(DictionaryKind.Source, l.Source),
                l.Intent, tags.GetValueOrDefault(l.Id) ?? [], l.Status, l.OwnerId,
                l.OwnerId is null ? null : owners.GetValueOrDefault(l.OwnerId), l.CreatedAt, l.NextFollowUpAt,
                entry?.Reason ?? l.BlacklistReason, entry?.AddedByName, entry?.AddedAt, l.Version)
            {
                Custom = custom.GetValueOrDefault(l.Id) ?? new Dictionary<Guid, string>(),
            };
        }).ToList();
        return new LeadListPage(rows, Math.Min(counted, CountLimit), counted > CountLimit);
    }
}
