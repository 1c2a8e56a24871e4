using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Funnels;

/// <summary>
/// One viewer's board (a browser tab): the columns' totals, the loaded cards, moves, and the live changes of others,
/// each re-read through the viewer's own scope and filter. The page renders it; the board benchmark drives it directly.
/// Live handlers run through <see cref="Dispatch"/> (the page's renderer) one at a time.
/// </summary>
public sealed class BoardSession(
    GetBoard getBoard, GetBoardCards cards, MoveCard move, ILiveEvents live, BoardFeed feed, ICurrentUserAccessor current, TenantContext tenant, TimeProvider time) : IDisposable
{
    /// <summary>How often totals kept up to date by moves are re-read, in case a move was counted twice or missed.</summary>
    public static readonly TimeSpan Resync = TimeSpan.FromSeconds(60);

    private readonly List<BoardCard> _cards = [];
    private readonly Dictionary<Guid, StageTotal> _totals = [];
    // The newest move applied per card: a move is counted once, however it arrives.
    private readonly Dictionary<Guid, long> _applied = [];
    private CurrentUser? _user;
    private ITimer? _resync;
    private bool _counted;
    // The card whose move menu is open is not moved from under the user; a change to it waits until the menu closes,
    // so a move picked from a stale menu is refused as a conflict and the card then snaps to where it really is.
    private Guid? _held;
    private bool _heldChanged;
    private IDisposable? _boardEvents;
    private IDisposable? _leadEvents;

    public BoardView? View { get; private set; }
    /// <summary>The loaded cards, one list instance for the page's lifetime (the drop container keeps a reference).</summary>
    public List<BoardCard> Cards => _cards;
    public IReadOnlyDictionary<Guid, StageTotal> Totals => _totals;
    public BoardFilter Filter { get; set; } = new();

    /// <summary>Runs a live change on the owner's synchronization context (a component's InvokeAsync).</summary>
    public Func<Func<Task>, Task> Dispatch { get; set; } = change => change();

    /// <summary>Raised (through <see cref="Dispatch"/>) after a live change was applied.</summary>
    public event Func<Task>? Changed;

    /// <summary>Loads the board (the default one when null) and, with <paramref name="follow"/>, follows its live changes. False when there is no such board.</summary>
    public async Task<bool> LoadAsync(Guid? boardId, bool follow, CancellationToken ct)
    {
        View = await getBoard.HandleAsync(boardId, Filter, ct);
        _cards.Clear();
        if (View is null) return false;
        SetTotals(View.Totals);
        foreach (var page in View.Cards.Values) _cards.AddRange(page);
        if (follow)
        {
            _user ??= await current.GetAsync(ct);
            Follow(View.Id);
        }
        return true;
    }

    public StageTotal TotalOf(Guid stageId) => Totals.GetValueOrDefault(stageId) ?? StageTotal.Empty;

    public int Shown(Guid stageId) => _cards.Count(c => c.StageId == stageId);

    public bool HasMore(Guid stageId) => Shown(stageId) < TotalOf(stageId).Count;

    public async Task LoadMoreAsync(Guid stageId, CancellationToken ct)
    {
        if (View is null) return;
        var next = await cards.HandleAsync(View.Id, stageId, Filter, Shown(stageId), ct);
        var known = _cards.Select(c => c.Id).ToHashSet();
        _cards.AddRange(next.Where(c => !known.Contains(c.Id)));
    }

    /// <summary>
    /// Shows the card in the target column at once, then moves it; a refused move puts it back where it really is.
    /// The columns' totals change when the move comes back live, as on everyone else's board.
    /// </summary>
    public async Task<Result<MovedCard>> MoveAsync(BoardCard card, Guid stageId, CancellationToken ct)
    {
        if (View is null) return Result<MovedCard>.Fail([LeadDetailAccess.NotFound]);
        Replace(card.Id, card with { StageId = stageId });
        var result = await move.HandleAsync(new MoveCardRequest(card.Id, stageId, card.Version), ct);
        if (!result.Succeeded) Replace(card.Id, await cards.OneAsync(View.Id, card.Id, Filter, ct));
        return result;
    }

    /// <summary>The card's move menu opened or closed.</summary>
    public async Task HoldAsync(Guid leadId, bool open)
    {
        if (open)
        {
            (_held, _heldChanged) = (leadId, false);
            return;
        }
        if (_held != leadId) return;
        var changed = _heldChanged;
        (_held, _heldChanged) = (null, false);
        if (changed && View is not null) Replace(leadId, await cards.OneAsync(View.Id, leadId, Filter, default));
    }

    /// <summary>
    /// An unfiltered board applies moves from the node's <see cref="BoardFeed"/> (no query per viewer); a filtered one
    /// re-reads the moved card and its totals through its filter. Other lead changes are re-read either way.
    /// </summary>
    private void Follow(Guid boardId)
    {
        Unfollow();
        var topic = BoardEvents.Topic(tenant.Required.Id, boardId);
        if (Filter.IsEmpty && _user is not null)
        {
            _boardEvents = new Subscriptions(
                feed.Watch(tenant.Required, boardId, change => Dispatch(() => OnMoveAsync(change))),
                live.Subscribe(topic, m => m.Kind == BoardEvents.Changed.Kind ? Dispatch(() => OnBoardEventAsync(m)) : Task.CompletedTask));
            _resync = time.CreateTimer(_ => _ = Dispatch(ResyncAsync), null, Resync, Resync);
        }
        else _boardEvents = live.Subscribe(topic, m => Dispatch(() => OnBoardEventAsync(m)));
        _leadEvents = live.Subscribe(LeadEvents.Topic(tenant.Required.Id), m => Dispatch(() => OnLeadsChangedAsync(m)));
    }

    private async Task OnMoveAsync(BoardMove change)
    {
        var moved = change.Move;
        if (View is null || (_applied.TryGetValue(moved.LeadId, out var known) && known >= moved.Version)) return;
        _applied[moved.LeadId] = moved.Version;
        var card = change.Card is { } c && _user!.CanSee(c.OwnerId, c.TeamId) ? c : null;
        var shown = _cards.Find(x => x.Id == moved.LeadId);
        // A card already shown at this version came from a read after the move: the totals of that read counted it.
        if (card is not null && (shown is null || shown.Version < moved.Version))
        {
            if (moved.FromStageId is { } from && _totals.TryGetValue(from, out var before)) _totals[from] = before.Plus(-1, card.AmountWan);
            _totals[card.StageId] = TotalOf(card.StageId).Plus(1, card.AmountWan);
            _counted = true;
        }
        else if (change.Card is null)
        {
            // It left this board (moved to another one): which column counted it is not known here.
            await ReloadTotalsAsync();
        }
        if (_held == moved.LeadId) _heldChanged = true;
        else Replace(moved.LeadId, card);
        await RaiseChangedAsync();
    }

    private async Task ResyncAsync()
    {
        if (View is null || !_counted) return;
        _counted = false;
        await ReloadTotalsAsync();
        await RaiseChangedAsync();
    }

    private async Task OnBoardEventAsync(LiveMessage message)
    {
        if (View is null) return;
        if (BoardEvents.ReadMoved(message) is { } moved)
        {
            var shown = _cards.FirstOrDefault(c => c.Id == moved.LeadId);
            if (shown is null || shown.Version < moved.Version || shown.StageId != moved.ToStageId) await RefreshCardAsync(moved.LeadId);
            await ReloadTotalsAsync();
        }
        else if (message.Kind == BoardEvents.Changed.Kind) await LoadAsync(View.Id, follow: true, default);
        else return;
        await RaiseChangedAsync();
    }

    private async Task OnLeadsChangedAsync(LiveMessage message)
    {
        if (View is null || !LeadEvents.ChangesCard(message)) return;
        if (Guid.TryParse(message["lead"], out var leadId))
        {
            await RefreshCardAsync(leadId);
            await ReloadTotalsAsync();
        }
        else await LoadAsync(View.Id, follow: true, default);
        await RaiseChangedAsync();
    }

    /// <summary>Re-reads a card after a live event, unless its menu is open (then when it closes).</summary>
    private async Task RefreshCardAsync(Guid leadId)
    {
        if (View is null) return;
        if (_held == leadId) _heldChanged = true;
        else Replace(leadId, await cards.OneAsync(View.Id, leadId, Filter, default));
    }

    /// <summary>Puts the card's current state on the board (on top of its column when it changed column), or takes it off when null.</summary>
    private void Replace(Guid leadId, BoardCard? card)
    {
        var index = _cards.FindIndex(c => c.Id == leadId);
        // Unchanged: leave the card component (and a menu open on it) alone.
        if (index >= 0 && _cards[index] == card) return;
        var sameColumn = index >= 0 && card is not null && _cards[index].StageId == card.StageId;
        if (index >= 0) _cards.RemoveAt(index);
        if (card is not null) _cards.Insert(sameColumn ? index : 0, card);
    }

    private async Task ReloadTotalsAsync() => SetTotals(await cards.TotalsAsync(View!.Id, Filter, default));

    private void SetTotals(IReadOnlyDictionary<Guid, StageTotal> totals)
    {
        _totals.Clear();
        foreach (var (stage, total) in totals) _totals[stage] = total;
    }

    private Task RaiseChangedAsync() => Changed?.Invoke() ?? Task.CompletedTask;

    private void Unfollow()
    {
        _resync?.Dispose();
        _boardEvents?.Dispose();
        _leadEvents?.Dispose();
        (_resync, _boardEvents, _leadEvents) = (null, null, null);
    }

    public void Dispose() => Unfollow();

    private sealed class Subscriptions(params IDisposable[] subscriptions) : IDisposable
    {
        public void Dispose()
        {
            foreach (var subscription in subscriptions) subscription.Dispose();
        }
    }
}
