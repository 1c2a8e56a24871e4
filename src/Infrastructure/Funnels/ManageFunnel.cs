using System.Text.RegularExpressions;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Funnels;

public sealed record StageRow(
    Guid Id, string Name, string Color, StageCategory Category, int? WipLimit, IReadOnlyList<StageRequirement> Requirements, bool IsArchived, int Cards);

public sealed record FunnelSettings(Guid BoardId, string BoardName, long Version, IReadOnlyList<BoardSummary> Boards, IReadOnlyList<StageRow> Stages);

/// <param name="StageId">Null to add a stage at the end of the board.</param>
public sealed record StageEdit(Guid? StageId, string Name, string Color, StageCategory Category, int? WipLimit, IReadOnlyList<StageRequirement> Requirements);

/// <summary>
/// An admin creates boards (pipelines), renames them, picks the default one (where new leads start), and edits a
/// board's stages: add, rename, recolour, change category, WIP limit and entry requirements,
/// reorder, archive (its cards move to a stage the admin picks, none are lost) and restore. Every change carries the
/// board's version (a concurrent edit is refused with Board.ChangedByOthers), is audited and reloads open boards live.
/// </summary>
public sealed partial class ManageFunnel(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public const int MaxNameLength = 30;
    public const int MaxWipLimit = 100_000;

    public async Task<FunnelSettings?> HandleAsync(Guid? boardId, CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var boards = await db.FunnelBoards.AsNoTracking().OrderByDescending(b => b.IsDefault).ThenBy(b => b.Name).ToListAsync(ct);
        var board = boardId is null ? boards.FirstOrDefault() : boards.FirstOrDefault(b => b.Id == boardId);
        if (board is null) return null;
        var stages = await db.FunnelStages.AsNoTracking().Where(s => s.BoardId == board.Id).OrderBy(s => s.IsArchived).ThenBy(s => s.Order).ToListAsync(ct);
        var ids = stages.Select(s => s.Id).ToList();
        var cards = await db.Leads.Where(l => l.Status == LeadStatus.Active && l.StageId != null && ids.Contains(l.StageId.Value))
            .GroupBy(l => l.StageId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new FunnelSettings(board.Id, board.Name, board.Version, boards.Select(b => new BoardSummary(b.Id, b.Name, b.IsDefault)).ToList(),
            stages.Select(s => new StageRow(s.Id, s.Name, s.Color, s.Category, s.WipLimit, s.Requirements, s.IsArchived, cards.GetValueOrDefault(s.Id))).ToList());
    }

    public const int MaxBoardNameLength = 50;

    /// <summary>A new board (pipeline) with a first open, a won and a lost stage, ready to be shaped.</summary>
    public async Task<Result<Guid>> CreateBoardAsync(string? name, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var (clean, error) = await BoardNameAsync(db, name, null, ct);
        if (error is not null) return Result<Guid>.Fail("BoardName", error);
        var board = new FunnelBoard { Name = clean };
        board.Stages.AddRange(NewBoardStages.Select((s, i) => new FunnelStage
        {
            BoardId = board.Id, Key = "s" + Guid.NewGuid().ToString("N")[..10], Name = s.Name, Color = s.Color, Category = s.Category, Order = i + 1,
        }));
        db.FunnelBoards.Add(board);
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "funnel.board.created", "board", board.Id.ToString(), new { name = clean });
        await db.SaveChangesAsync(ct);
        // Open boards reload, so their board switch and "move to another board" offer the new one.
        foreach (var open in await db.FunnelBoards.Where(b => b.Id != board.Id).Select(b => b.Id).ToListAsync(ct))
            await live.PublishAsync(BoardEvents.Topic(tenant.Required.Id, open), BoardEvents.Changed, ct);
        return Result<Guid>.Ok(board.Id);
    }

    public Task<Result<long>> RenameBoardAsync(Guid boardId, long expectedVersion, string? name, CancellationToken ct) =>
        ChangeAsync(boardId, expectedVersion, async (db, board, _) =>
        {
            var (clean, error) = await BoardNameAsync(db, name, boardId, ct);
            if (error is not null) return Fail("BoardName", error);
            var old = board.Name;
            board.Name = clean;
            return Done("funnel.board.renamed", new { old, name = clean });
        }, ct);

    /// <summary>Makes the board the one new leads start on (its first open stage).</summary>
    public Task<Result<long>> MakeDefaultAsync(Guid boardId, long expectedVersion, CancellationToken ct) =>
        ChangeAsync(boardId, expectedVersion, async (db, board, _) =>
        {
            foreach (var other in await db.FunnelBoards.Where(b => b.IsDefault && b.Id != boardId).ToListAsync(ct)) other.IsDefault = false;
            board.IsDefault = true;
            return Done("funnel.board.default", new { name = board.Name });
        }, ct);

    private static readonly (string Name, string Color, StageCategory Category)[] NewBoardStages =
        [("待跟进", "#1E88E5", StageCategory.Open), ("已成交", "#43A047", StageCategory.Won), ("已流失", "#E53935", StageCategory.Lost)];

    private static async Task<(string Clean, string? Error)> BoardNameAsync(AgencyDbContext db, string? name, Guid? except, CancellationToken ct)
    {
        var clean = name?.Trim() ?? "";
        if (clean.Length == 0) return (clean, "Required");
        if (clean.Length > MaxBoardNameLength) return (clean, "TooLong");
        return await db.FunnelBoards.AnyAsync(b => b.Name == clean && b.Id != except, ct) ? (clean, "Taken") : (clean, null);
    }

    public Task<Result<long>> SaveStageAsync(Guid boardId, long expectedVersion, StageEdit edit, CancellationToken ct) =>
        ChangeAsync(boardId, expectedVersion, (db, board, stages) =>
        {
            var name = edit.Name?.Trim() ?? "";
            if (name.Length == 0) return Fail("Name", "Required");
            if (name.Length > MaxNameLength) return Fail("Name", "TooLong");
            if (stages.Any(s => !s.IsArchived && s.Id != edit.StageId && s.Name == name)) return Fail("Name", "Taken");
            if (!ColorPattern().IsMatch(edit.Color ?? "")) return Fail("Color", "Invalid");
            if (!Enum.IsDefined(edit.Category)) return Fail("Category", "Invalid");
            if (edit.WipLimit is < 1 or > MaxWipLimit) return Fail("WipLimit", "OutOfRange");
            if (edit.Requirements.Any(r => !Enum.IsDefined(r))) return Fail("Requirements", "Invalid");

            var stage = edit.StageId is { } id ? stages.FirstOrDefault(s => s.Id == id) : null;
            if (edit.StageId is not null && stage is null) return Fail("Stage", "NotFound");
            if (stage is null)
            {
                stage = new FunnelStage { BoardId = board.Id, Key = "s" + Guid.NewGuid().ToString("N")[..10], Name = name, Color = edit.Color!, Order = stages.Max(s => (int?)s.Order) + 1 ?? 1 };
                db.FunnelStages.Add(stage);
            }
            else if (stage.Category == StageCategory.Open && edit.Category != StageCategory.Open && !stage.IsArchived && OpenStages(stages) == 1)
                return Fail("Category", "LastOpenStage");
            stage.Name = name;
            stage.Color = edit.Color!.ToUpperInvariant();
            stage.Category = edit.Category;
            stage.WipLimit = edit.WipLimit;
            stage.Requirements = edit.Requirements.Distinct().Order().ToList();
            return Done("funnel.stage.saved", new { stage = stage.Id, name, stage.Color, category = stage.Category.ToString(), stage.WipLimit, requirements = string.Join(',', stage.Requirements) });
        }, ct);

    /// <summary>Puts the board's stages (every one, archived ones included, each once) in the given order.</summary>
    public Task<Result<long>> ReorderAsync(Guid boardId, long expectedVersion, IReadOnlyList<Guid> orderedIds, CancellationToken ct) =>
        ChangeAsync(boardId, expectedVersion, (_, _, stages) =>
        {
            if (orderedIds.Count != stages.Count || orderedIds.Distinct().Count() != stages.Count || stages.Any(s => !orderedIds.Contains(s.Id)))
                return Fail("Stages", "Mismatch");
            var order = orderedIds.ToList();
            foreach (var stage in stages) stage.Order = order.IndexOf(stage.Id) + 1;
            return Done("funnel.stages.reordered", new { order = string.Join(',', stages.OrderBy(s => s.Order).Select(s => s.Name)) });
        }, ct);

    /// <summary>Archives a stage; its cards move to <paramref name="moveCardsTo"/> (required when it has cards).</summary>
    public Task<Result<long>> ArchiveAsync(Guid boardId, long expectedVersion, Guid stageId, Guid? moveCardsTo, CancellationToken ct) =>
        ChangeAsync(boardId, expectedVersion, async (db, _, stages) =>
        {
            if (stages.FirstOrDefault(s => s.Id == stageId && !s.IsArchived) is not { } stage) return Fail("Stage", "NotFound");
            if (stage.Category == StageCategory.Open && OpenStages(stages) == 1) return Fail("Stage", "LastOpenStage");
            var cards = db.Leads.Where(l => l.StageId == stage.Id && l.Status == LeadStatus.Active);
            var count = await cards.CountAsync(ct);
            var target = moveCardsTo is { } to ? stages.FirstOrDefault(s => s.Id == to && !s.IsArchived && s.Id != stage.Id) : null;
            if (count > 0 && target is null) return Fail("MoveTo", moveCardsTo is null ? "Required" : "Invalid");
            if (target is not null)
            {
                var now = time.GetUtcNow();
                await db.Leads.Where(l => l.StageId == stage.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(l => l.StageId, target.Id).SetProperty(l => l.StageEnteredAt, now).SetProperty(l => l.Version, l => l.Version + 1), ct);
            }
            stage.IsArchived = true;
            return Done("funnel.stage.archived", new { stage = stage.Id, name = stage.Name, cards = count, movedTo = target?.Name });
        }, ct);

    public Task<Result<long>> RestoreAsync(Guid boardId, long expectedVersion, Guid stageId, CancellationToken ct) =>
        ChangeAsync(boardId, expectedVersion, (_, _, stages) =>
        {
            if (stages.FirstOrDefault(s => s.Id == stageId && s.IsArchived) is not { } stage) return Fail("Stage", "NotFound");
            if (stages.Any(s => !s.IsArchived && s.Name == stage.Name)) return Fail("Name", "Taken");
            stage.IsArchived = false;
            return Done("funnel.stage.restored", new { stage = stage.Id, name = stage.Name });
        }, ct);

    private sealed record Change(FieldError? Error, string? Action, object? Details);

    private static Change Fail(string field, string code) => new(new FieldError(field, code), null, null);

    private static Change Done(string action, object details) => new(null, action, details);

    private static int OpenStages(List<FunnelStage> stages) => stages.Count(s => !s.IsArchived && s.Category == StageCategory.Open);

    private Task<Result<long>> ChangeAsync(Guid boardId, long expectedVersion, Func<AgencyDbContext, FunnelBoard, List<FunnelStage>, Change> change, CancellationToken ct) =>
        ChangeAsync(boardId, expectedVersion, (db, board, stages) => Task.FromResult(change(db, board, stages)), ct);

    /// <summary>Loads the board and its stages, applies the change, bumps the board's version and saves in one transaction.</summary>
    private async Task<Result<long>> ChangeAsync(Guid boardId, long expectedVersion, Func<AgencyDbContext, FunnelBoard, List<FunnelStage>, Task<Change>> change, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        if (await db.FunnelBoards.FirstOrDefaultAsync(b => b.Id == boardId, ct) is not { } board) return Result<long>.Fail("Board", "NotFound");
        if (board.Version != expectedVersion) return Result<long>.Fail("Board", "ChangedByOthers");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stages = await db.FunnelStages.Where(s => s.BoardId == boardId).ToListAsync(ct);
        var result = await change(db, board, stages);
        if (result.Error is not null) return Result<long>.Fail([result.Error]);
        board.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), result.Action!, "board", board.Id.ToString(), result.Details);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<long>.Fail("Board", "ChangedByOthers");
        }
        await live.PublishAsync(BoardEvents.Topic(tenant.Required.Id, board.Id), BoardEvents.Changed, ct);
        return Result<long>.Ok(board.Version);
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();
}
