using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Funnels;

/// <summary>
/// Open boards follow moves live: unfiltered ones from the node's shared feed (no query per viewer), filtered ones
/// through their filter; each viewer's columns end up as a fresh read would show them, and out-of-scope cards never appear.
/// </summary>
public abstract class BoardSessionTests(AppHost app)
{
    private sealed record Viewer(MemberScope Scope, BoardSession Session, SemaphoreSlim Changed) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Session.Dispose();
            await Scope.DisposeAsync();
        }
    }

    private async Task<Viewer> OpenAsync(LeadListWorld w, string userId, BoardFilter? filter = null)
    {
        var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
        var session = scope.Get<BoardSession>();
        var gate = new SemaphoreSlim(1, 1);
        var changed = new SemaphoreSlim(0);
        session.Dispatch = async change =>
        {
            await gate.WaitAsync();
            try { await change(); }
            finally { gate.Release(); }
        };
        session.Changed += () => { changed.Release(); return Task.CompletedTask; };
        session.Filter = filter ?? new BoardFilter();
        Assert.True(await session.LoadAsync(null, follow: true, CancellationToken.None));
        return new Viewer(scope, session, changed);
    }

    private async Task<IReadOnlyDictionary<Guid, StageTotal>> FreshTotalsAsync(LeadListWorld w, string userId, BoardFilter filter)
    {
        await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
        var view = await scope.Get<GetBoard>().HandleAsync(null, filter, CancellationToken.None);
        return view!.Totals;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }

    [Fact]
    public async Task Viewers_follow_a_move_within_their_scope_and_their_totals_match_a_fresh_read()
    {
        var w = await LeadListWorld.CreateAsync(app, "session");
        await using var owner = await OpenAsync(w, w.Agency.OwnerUserId);
        await using var manager = await OpenAsync(w, w.Manager.UserId);
        await using var salesB = await OpenAsync(w, w.SalesB.UserId);
        await using var filtered = await OpenAsync(w, w.Manager.UserId, new BoardFilter { Intent = Domain.Leads.IntentLevel.A });
        await using var mover = await OpenAsync(w, w.SalesA.UserId);
        var stages = owner.Session.View!.Stages;
        var card = mover.Session.Cards.Single(c => c.Id == w["甲"]);
        var salesBBefore = salesB.Session.Totals.ToDictionary();

        var moved = await mover.Session.MoveAsync(card, stages[2].Id, CancellationToken.None);

        Assert.True(moved.Succeeded, string.Join(",", moved.Errors));
        foreach (var viewer in new[] { owner, manager, filtered, mover })
            await UntilAsync(() => viewer.Session.Cards.Exists(c => c.Id == w["甲"] && c.StageId == stages[2].Id) && viewer.Session.TotalOf(stages[2].Id).Count > 0);
        await UntilAsync(() => owner.Session.TotalOf(stages[0].Id).Count == 3);
        Assert.Equal(await FreshTotalsAsync(w, w.Agency.OwnerUserId, new BoardFilter()), owner.Session.Totals.Where(t => t.Value.Count > 0).ToDictionary());
        Assert.Equal(await FreshTotalsAsync(w, w.Manager.UserId, new BoardFilter()), manager.Session.Totals.Where(t => t.Value.Count > 0).ToDictionary());
        Assert.Equal(await FreshTotalsAsync(w, w.SalesA.UserId, new BoardFilter()), mover.Session.Totals.Where(t => t.Value.Count > 0).ToDictionary());
        Assert.Equal(new StageTotal(1, 80), filtered.Session.TotalOf(stages[2].Id));

        // Sales B may not see 甲: nothing about it reaches their board.
        await Task.Delay(200);
        Assert.DoesNotContain(salesB.Session.Cards, c => c.Id == w["甲"]);
        Assert.Equal(salesBBefore, salesB.Session.Totals.ToDictionary());
    }

    [Fact]
    public async Task A_card_moved_to_another_board_leaves_this_one_and_its_totals_follow()
    {
        var w = await LeadListWorld.CreateAsync(app, "sessionboard");
        await using var owner = await OpenAsync(w, w.Agency.OwnerUserId);
        await using var admin = await app.OwnerScopeAsync(w.Agency);
        var other = (await admin.Get<ManageFunnel>().CreateBoardAsync("经营贷流程", CancellationToken.None)).Value;
        var entry = (await admin.Get<ManageFunnel>().HandleAsync(other, CancellationToken.None))!.Stages[0].Id;
        var card = owner.Session.Cards.Single(c => c.Id == w["甲"]);

        Assert.True((await admin.Get<MoveCard>().HandleAsync(new MoveCardRequest(card.Id, entry, card.Version), CancellationToken.None)).Succeeded);

        await UntilAsync(() => !owner.Session.Cards.Exists(c => c.Id == w["甲"]));
        await UntilAsync(() => owner.Session.TotalOf(card.StageId).Count == 3);
        Assert.Equal(await FreshTotalsAsync(w, w.Agency.OwnerUserId, new BoardFilter()), owner.Session.Totals.Where(t => t.Value.Count > 0).ToDictionary());
    }

    [Fact]
    public async Task A_refused_move_puts_the_card_back_and_changes_no_total()
    {
        var w = await LeadListWorld.CreateAsync(app, "sessionref");
        await using var mover = await OpenAsync(w, w.SalesA.UserId);
        var stages = mover.Session.View!.Stages;
        var card = mover.Session.Cards.Single(c => c.Id == w["甲"]);
        var before = mover.Session.Totals.ToDictionary();
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
        {
            var lead = await db.Leads.SingleAsync(l => l.Id == w["甲"]);
            lead.Version++;
            await db.SaveChangesAsync();
        }

        var moved = await mover.Session.MoveAsync(card, stages[1].Id, CancellationToken.None);

        Assert.Equal("ChangedByOthers", moved.Errors[0].Code);
        Assert.Equal(stages[0].Id, mover.Session.Cards.Single(c => c.Id == w["甲"]).StageId);
        Assert.Equal(before, mover.Session.Totals.ToDictionary());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBoardSessionTests(SqliteAppHost app) : BoardSessionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBoardSessionTests(PostgresAppHost app) : BoardSessionTests(app);
