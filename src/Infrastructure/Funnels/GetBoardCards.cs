using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Funnels;

/// <summary>
/// What a board loads after its first view: the next page of a column, the totals again, or one card (after a live
/// event) — always through the viewer's scope and filter, so a card the viewer may not see is never returned.
/// </summary>
public sealed class GetBoardCards(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantPersonalData personalData, TimeProvider time)
{
    /// <summary>The next page of one column.</summary>
    public async Task<IReadOnlyList<BoardCard>> HandleAsync(Guid boardId, Guid stageId, BoardFilter filter, int skip, CancellationToken ct)
    {
        var (db, user, protector) = await OpenAsync(ct);
        await using (db)
        {
            if (!await db.FunnelStages.AnyAsync(s => s.Id == stageId && s.BoardId == boardId, ct)) return [];
            var page = await BoardReads.CardsAsync(db, filter.Apply(await LeadsAsync(db, filter, ct), [stageId], user, protector), Math.Max(0, skip), BoardReads.PageSize, ct);
            return await BoardReads.WithApplicationsAsync(db, page, ct);
        }
    }

    public async Task<IReadOnlyDictionary<Guid, StageTotal>> TotalsAsync(Guid boardId, BoardFilter filter, CancellationToken ct)
    {
        var (db, user, protector) = await OpenAsync(ct);
        await using (db)
        {
            var stageIds = await StageIdsAsync(db, boardId, ct);
            return await BoardReads.TotalsAsync(filter.Apply(await LeadsAsync(db, filter, ct), stageIds, user, protector), ct);
        }
    }

    /// <summary>The card of a lead on this board, or null when it left the board, the viewer's scope or the filter.</summary>
    public async Task<BoardCard?> OneAsync(Guid boardId, Guid leadId, BoardFilter filter, CancellationToken ct)
    {
        var (db, user, protector) = await OpenAsync(ct);
        await using (db)
        {
            var stageIds = await StageIdsAsync(db, boardId, ct);
            var cards = filter.Apply(await LeadsAsync(db, filter, ct), stageIds, user, protector).Where(l => l.Id == leadId);
            return (await BoardReads.WithApplicationsAsync(db, await BoardReads.CardsAsync(db, cards, 0, 1, ct), ct)).SingleOrDefault();
        }
    }

    private Task<IQueryable<Domain.Leads.Lead>> LeadsAsync(AgencyDbContext db, BoardFilter filter, CancellationToken ct) =>
        Pools.PoolMembers.NarrowAsync(db, db.Leads.AsNoTracking(), filter.PoolId, filter.FieldFilters, time.GetUtcNow(), ct);

    private async Task<(AgencyDbContext Db, CurrentUser User, PersonalDataProtector Protector)> OpenAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var protector = await personalData.GetAsync(ct);
        return (contexts.Create(), user, protector);
    }

    private static Task<List<Guid>> StageIdsAsync(AgencyDbContext db, Guid boardId, CancellationToken ct) =>
        db.FunnelStages.Where(s => s.BoardId == boardId && !s.IsArchived).Select(s => s.Id).ToListAsync(ct);
}
