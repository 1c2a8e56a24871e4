using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Funnels;

/// <summary>A board (the default one when none is named) as the viewer may see it: totals from the database, a first page per column.</summary>
public sealed class GetBoard(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantPersonalData personalData, TimeProvider time)
{
    public async Task<BoardView?> HandleAsync(Guid? boardId, BoardFilter filter, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var protector = await personalData.GetAsync(ct);
        await using var db = contexts.Create();
        var boards = await db.FunnelBoards.AsNoTracking().OrderByDescending(b => b.IsDefault).ThenBy(b => b.Name)
            .Select(b => new BoardSummary(b.Id, b.Name, b.IsDefault, db.FunnelStages
                .Where(s => s.BoardId == b.Id && !s.IsArchived && s.Category == StageCategory.Open).OrderBy(s => s.Order).Select(s => (Guid?)s.Id).FirstOrDefault()))
            .ToListAsync(ct);
        var board = boardId is null ? boards.FirstOrDefault() : boards.FirstOrDefault(b => b.Id == boardId);
        if (board is null) return null;

        var stages = await BoardReads.StagesAsync(db, board.Id, ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        var leads = await Pools.PoolMembers.NarrowAsync(db, db.Leads.AsNoTracking(), filter.PoolId, filter.FieldFilters, time.GetUtcNow(), ct);
        var totals = await BoardReads.TotalsAsync(filter.Apply(leads, stageIds, user, protector), ct);
        var cards = new Dictionary<Guid, IReadOnlyList<BoardCard>>();
        foreach (var stage in stages)
            cards[stage.Id] = totals.ContainsKey(stage.Id)
                ? await BoardReads.CardsAsync(db, filter.Apply(leads, [stage.Id], user, protector), 0, BoardReads.FirstPageSize, ct)
                : [];
        var badged = (await BoardReads.WithApplicationsAsync(db, cards.Values.SelectMany(c => c).ToList(), ct)).ToLookup(c => c.StageId);
        return new BoardView(board.Id, board.Name, boards, stages, totals, cards.ToDictionary(c => c.Key, c => (IReadOnlyList<BoardCard>)badged[c.Key].ToList()));
    }
}
