using System.Collections.Concurrent;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using LoanSaaS.Tenancy.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Funnels;

/// <summary>
/// The lead board over <see cref="LeadListWorld"/>: cards start on the default board's first stage, each viewer sees
/// the cards of their scope, moves are versioned, checked against the stage's rules, recorded and announced live.
/// </summary>
public abstract class BoardTests(AppHost app)
{
    private static readonly BoardFilter All = new();

    private Task<LeadListWorld> WorldAsync(string name) => app.SharedAsync("board-world-" + name, () => LeadListWorld.CreateAsync(app, "board" + name));

    private static BoardFilter Only(LeadListWorld w) => new() { Search = w.Prefix };

    private static IEnumerable<Guid> Ids(LeadListWorld w, params string[] keys) => keys.Select(k => w[k]).Order();

    private async Task<Dictionary<string, Guid>> StagesAsync(LeadListWorld w)
    {
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        return await db.FunnelStages.Where(s => db.FunnelBoards.Any(b => b.Id == s.BoardId && b.IsDefault)).ToDictionaryAsync(s => s.Key, s => s.Id);
    }

    private async Task<BoardView> BoardAsync(LeadListWorld w, string userId, BoardFilter? filter = null)
    {
        await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
        return (await scope.Get<GetBoard>().HandleAsync(null, filter ?? Only(w), CancellationToken.None))!;
    }

    private async Task<long> VersionAsync(LeadListWorld w, string key)
    {
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        return await db.Leads.Where(l => l.Id == w[key]).Select(l => l.Version).SingleAsync();
    }

    private async Task<Infrastructure.Common.Result<MovedCard>> MoveAsync(LeadListWorld w, string userId, string key, Guid stage, long? version = null)
    {
        await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
        return await scope.Get<MoveCard>().HandleAsync(new MoveCardRequest(w[key], stage, version ?? await VersionAsync(w, key)), CancellationToken.None);
    }

    [Fact]
    public async Task New_leads_start_in_the_first_stage_and_each_viewer_sees_only_the_cards_of_their_scope()
    {
        var w = await WorldAsync("scope");
        var stages = await StagesAsync(w);

        var owner = await BoardAsync(w, w.Agency.OwnerUserId);
        Assert.Equal(DefaultFunnel.Stages.Count, owner.Stages.Count);
        Assert.Equal(DefaultFunnel.Stages.Select(s => s.Name), owner.Stages.Select(s => s.Name));
        // Active leads and customers are cards; the pooled 丁 and blacklisted 己 are not.
        Assert.Equal(Ids(w, "甲", "乙", "丙", "戊"), owner.Cards[stages["new"]].Select(c => c.Id).Order());
        Assert.Equal(new StageTotal(4, 250), owner.Totals[stages["new"]]);
        Assert.All(owner.Cards[stages["new"]], c => Assert.Matches(@"^1\d\d\*{4}\d{4}$", c.MobileMasked));

        var manager = await BoardAsync(w, w.Manager.UserId);
        Assert.Equal(Ids(w, "甲", "丙", "戊"), manager.Cards[stages["new"]].Select(c => c.Id).Order());
        var salesB = await BoardAsync(w, w.SalesB.UserId);
        Assert.Equal([w["乙"]], salesB.Cards[stages["new"]].Select(c => c.Id));
        Assert.Equal(new StageTotal(1, 20), salesB.Totals[stages["new"]]);

        var filtered = await BoardAsync(w, w.Agency.OwnerUserId, Only(w) with { Intent = Domain.Leads.IntentLevel.A, Tag = "有房" });
        Assert.Equal([w["甲"]], filtered.Cards[stages["new"]].Select(c => c.Id));
    }

    [Fact]
    public async Task A_move_changes_the_stage_records_history_and_audit_and_is_announced_on_the_boards_topic()
    {
        var w = await WorldAsync("move");
        var stages = await StagesAsync(w);
        var board = await BoardAsync(w, w.SalesA.UserId);
        var heard = new ConcurrentQueue<CardMoved>();
        var live = app.Services.GetRequiredService<ILiveEvents>();
        using var subscription = live.Subscribe(BoardEvents.Topic(w.Agency.Info.Id, board.Id), m =>
        {
            if (BoardEvents.ReadMoved(m) is { } moved) heard.Enqueue(moved);
            return Task.CompletedTask;
        });
        var before = await VersionAsync(w, "甲");

        var moved = await MoveAsync(w, w.SalesA.UserId, "甲", stages["screening"], before);

        Assert.True(moved.Succeeded, string.Join(",", moved.Errors));
        Assert.Equal((stages["screening"], before + 1), (moved.Value!.StageId, moved.Value.Version));
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var history = await db.LeadStageChanges.SingleAsync(c => c.LeadId == w["甲"]);
            Assert.Equal((stages["new"], stages["screening"], w.SalesA.UserId), (history.FromStageId!.Value, history.ToStageId, history.MovedById));
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "lead.moved" && a.EntityId == w["甲"].ToString());
            var details = System.Text.Json.JsonDocument.Parse(audit.Details!).RootElement;
            Assert.Equal(("线索录入", "电话初筛"), (details.GetProperty("from").GetString(), details.GetProperty("to").GetString()));
        }
        var after = await BoardAsync(w, w.Manager.UserId);
        Assert.Equal([w["甲"]], after.Cards[stages["screening"]].Select(c => c.Id));
        Assert.Equal(new StageTotal(1, 80), after.Totals[stages["screening"]]);
        Assert.Equal(2, after.Totals[stages["new"]].Count);

        var announced = await EventuallyAsync(() => heard.FirstOrDefault(e => e.LeadId == w["甲"]));
        Assert.Equal((stages["new"], stages["screening"], before + 1, w.SalesA.UserId), (announced.FromStageId!.Value, announced.ToStageId, announced.Version, announced.OwnerId!));
        // A viewer outside the card's scope gets nothing for the event: the board asks for the card through its scope.
        await using var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);
        Assert.Null(await salesB.Get<GetBoardCards>().OneAsync(board.Id, w["甲"], All, CancellationToken.None));
        await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.Manager.UserId);
        Assert.Equal(stages["screening"], (await manager.Get<GetBoardCards>().OneAsync(board.Id, w["甲"], All, CancellationToken.None))!.StageId);
    }

    [Fact]
    public async Task A_stale_move_is_refused_and_of_two_simultaneous_moves_exactly_one_wins()
    {
        var w = await WorldAsync("conflict");
        var stages = await StagesAsync(w);
        var version = await VersionAsync(w, "丙");

        var results = await Task.WhenAll(
            MoveAsync(w, w.Manager.UserId, "丙", stages["intent"], version),
            MoveAsync(w, w.Agency.OwnerUserId, "丙", stages["visit"], version));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(("Lead", "ChangedByOthers"), (loser.Errors[0].Field, loser.Errors[0].Code));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == w["丙"]);
        Assert.Equal((winner.Value!.StageId, version + 1), (lead.StageId!.Value, lead.Version));
        Assert.Equal(1, await db.LeadStageChanges.CountAsync(c => c.LeadId == w["丙"]));
    }

    [Fact]
    public async Task Entry_requirements_and_wip_limits_refuse_a_move_and_say_why()
    {
        var w = await WorldAsync("rules");
        var stages = await StagesAsync(w);

        // 资质审核 needs an ID number (the seeded SOP); 甲 has none.
        var missing = await MoveAsync(w, w.SalesA.UserId, "甲", stages["qualification"]);
        Assert.Equal(["Stage.MissingFields", "Requirement.IdNumber"], missing.Errors.Select(e => $"{e.Field}.{e.Code}"));

        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var visit = await db.FunnelStages.SingleAsync(s => s.Id == stages["visit"]);
            visit.WipLimit = 1;
            await db.SaveChangesAsync();
        }
        Assert.True((await MoveAsync(w, w.SalesA.UserId, "甲", stages["visit"])).Succeeded);
        var full = await MoveAsync(w, w.SalesA.UserId, "戊", stages["visit"]);
        Assert.Equal(("Stage", "WipLimitReached"), (full.Errors[0].Field, full.Errors[0].Code));

        var unknown = await MoveAsync(w, w.SalesA.UserId, "戊", Guid.NewGuid());
        Assert.Equal(("Stage", "NotFound"), (unknown.Errors[0].Field, unknown.Errors[0].Code));
        await using var check = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(stages["new"], (await check.Leads.SingleAsync(l => l.Id == w["戊"])).StageId);
    }

    [Fact]
    public async Task Two_cards_moved_at_once_into_the_last_free_place_of_a_stage_let_exactly_one_in()
    {
        var w = await WorldAsync("wip");
        var stages = await StagesAsync(w);
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var matching = await db.FunnelStages.SingleAsync(s => s.Id == stages["screening"]);
            matching.WipLimit = 1;
            await db.SaveChangesAsync();
        }
        var (a, b) = (await VersionAsync(w, "甲"), await VersionAsync(w, "丙"));

        var results = await Task.WhenAll(
            MoveAsync(w, w.Agency.OwnerUserId, "甲", stages["screening"], a),
            MoveAsync(w, w.Manager.UserId, "丙", stages["screening"], b));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal("WipLimitReached", Assert.Single(results, r => !r.Succeeded).Errors[0].Code);
        await using var check = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(1, await check.Leads.CountAsync(l => l.StageId == stages["screening"]));
    }

    [Fact]
    public async Task Cards_outside_the_scope_pooled_cards_and_another_agencys_cards_can_be_neither_moved_nor_read()
    {
        var w = await WorldAsync("isolation");
        var stages = await StagesAsync(w);
        Assert.Equal("NotFound", (await MoveAsync(w, w.SalesA.UserId, "乙", stages["screening"])).Errors[0].Code);
        Assert.Equal("NotFound", (await MoveAsync(w, w.Agency.OwnerUserId, "丁", stages["screening"])).Errors[0].Code);

        var b = await app.SharedAsync("board-agency-b", () => app.ProvisionAgencyAsync(TestIds.Slug("boardb")));
        var boardA = await BoardAsync(w, w.Agency.OwnerUserId);
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.Null(await ownerB.Get<GetBoard>().HandleAsync(boardA.Id, All, CancellationToken.None));
        Assert.Null(await ownerB.Get<GetBoardCards>().OneAsync(boardA.Id, w["甲"], All, CancellationToken.None));
        Assert.Empty(await ownerB.Get<GetBoardCards>().HandleAsync(boardA.Id, stages["new"], All, 0, CancellationToken.None));
        var boardB = await ownerB.Get<GetBoard>().HandleAsync(null, Only(w), CancellationToken.None);
        Assert.All(boardB!.Totals.Values, t => Assert.Equal(0, t.Count));
        var moved = await ownerB.Get<MoveCard>().HandleAsync(new MoveCardRequest(w["甲"], boardB.Stages[1].Id, 1), CancellationToken.None);
        Assert.Equal("NotFound", moved.Errors[0].Code);
        var intoA = await ownerB.Get<MoveCard>().HandleAsync(new MoveCardRequest(w["甲"], stages["screening"], 1), CancellationToken.None);
        Assert.Equal("NotFound", intoA.Errors[0].Code);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(stages["new"], (await db.Leads.SingleAsync(l => l.Id == w["甲"])).StageId);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (probe() is { } value) return value;
            await Task.Delay(50);
        }
        throw new TimeoutException("The live event did not arrive.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBoardTests(SqliteAppHost app) : BoardTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBoardTests(PostgresAppHost app) : BoardTests(app);
