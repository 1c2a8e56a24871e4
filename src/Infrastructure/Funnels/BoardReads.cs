using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Funnels;

/// <summary>The queries behind a board: its stages, its columns' totals and pages of cards (newest in the stage first).</summary>
internal static class BoardReads
{
    /// <summary>
    /// Cards per column when a board opens: about a screen's height. Each rendered card costs server memory in every
    /// viewer's circuit (bench/Circuits), so more come only when asked for.
    /// </summary>
    public const int FirstPageSize = 12;

    /// <summary>Cards per "load more".</summary>
    public const int PageSize = 30;

    public static async Task<List<BoardStageView>> StagesAsync(AgencyDbContext db, Guid boardId, CancellationToken ct) =>
        (await db.FunnelStages.AsNoTracking().Where(s => s.BoardId == boardId && !s.IsArchived).OrderBy(s => s.Order).ToListAsync(ct))
            .Select(s => new BoardStageView(s.Id, s.Name, s.Color, s.Category, s.WipLimit, s.Requirements)).ToList();

    public static async Task<Dictionary<Guid, StageTotal>> TotalsAsync(IQueryable<Lead> cards, CancellationToken ct)
    {
        // SQLite keeps decimals as text: sum them as doubles on every provider (万元 with two decimals stays exact enough).
        var rows = await cards.GroupBy(l => l.StageId!.Value)
            .Select(g => new { Stage = g.Key, Count = g.Count(), Amount = g.Sum(l => (double?)l.AmountWan) ?? 0 })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Stage, r => new StageTotal(r.Count, Math.Round((decimal)r.Amount, 2)));
    }

    public static async Task<List<BoardCard>> CardsAsync(AgencyDbContext db, IQueryable<Lead> cards, int skip, int take, CancellationToken ct)
    {
        var page = await cards.OrderByDescending(l => l.StageEnteredAt).ThenByDescending(l => l.Id).Skip(skip).Take(take)
            .Select(l => new
            {
                l.Id, StageId = l.StageId!.Value, l.Number, l.Name, MobileMasked = l.Mobile.Masked, l.AmountWan, l.OwnerId, l.TeamId, l.Intent,
                l.StageEnteredAt, l.NextFollowUpAt, l.ConvertedAt, l.Version,
            })
            .ToListAsync(ct);
        var ownerIds = page.Where(c => c.OwnerId != null).Select(c => c.OwnerId!).Distinct().ToList();
        var owners = ownerIds.Count == 0 ? []
            : await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return page.Select(c => new BoardCard(c.Id, c.StageId, c.Number, c.Name, c.MobileMasked, c.AmountWan, c.OwnerId, c.TeamId,
            c.OwnerId is null ? null : owners.GetValueOrDefault(c.OwnerId), c.Intent, c.StageEnteredAt, c.NextFollowUpAt,
            c.ConvertedAt is not null, c.Version)).ToList();
    }

    /// <summary>
    /// The cards with their customers' latest open application: one query for all of them (a board load asks once for
    /// every column), reading only applications of these leads that are still open.
    /// </summary>
    public static async Task<IReadOnlyList<BoardCard>> WithApplicationsAsync(AgencyDbContext db, IReadOnlyList<BoardCard> cards, CancellationToken ct)
    {
        var customers = cards.Where(c => c.IsCustomer).Select(c => c.Id).Distinct().ToList();
        if (customers.Count == 0) return cards;
        var open = Domain.Applications.ApplicationInputRules.OpenStatuses;
        var rows = await db.LoanApplications.AsNoTracking().Where(a => customers.Contains(a.LeadId) && open.Contains(a.Status))
            .Select(a => new { a.LeadId, a.Status, a.AmountWan, a.CreatedAt, a.Id }).ToListAsync(ct);
        var latest = rows.GroupBy(r => r.LeadId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).First());
        return cards.Select(c => latest.TryGetValue(c.Id, out var a) ? c with { Application = new BoardCardApplication(a.Status, a.AmountWan) } : c).ToList();
    }
}
