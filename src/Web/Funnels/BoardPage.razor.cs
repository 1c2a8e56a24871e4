using LoanSaaS.Domain.Funnels;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.Leads;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Funnels;

/// <summary>
/// A live Kanban board: columns with totals from the database and cards loaded a page at a time; moves by drag and
/// drop or the card's "move to" menu go through <see cref="MoveCard"/>; other people's moves and new leads arrive live.
/// </summary>
public partial class BoardPage : IDisposable
{
    [Parameter] public Guid? BoardId { get; set; }

    [Inject] private GetBoard GetBoard { get; set; } = default!;
    [Inject] private GetBoardCards Cards { get; set; } = default!;
    [Inject] private MoveCard Move { get; set; } = default!;
    [Inject] private ListLeadsOptions ListOptions { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private TenantContext Tenant { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<BoardText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<LeadText> L { get; set; } = default!;

    private readonly BoardFilterState _filter = new();
    private readonly List<BoardCard> _cards = [];
    private MudDropContainer<BoardCard>? _container;
    private BoardView? _view;
    private IReadOnlyDictionary<Guid, StageTotal> _totals = new Dictionary<Guid, StageTotal>();
    private LeadListOptions? _options;
    private bool _filtersOpen;
    private bool _missing;
    // The card whose move menu is open is not moved from under the user; a change to it waits until the menu closes,
    // so a move picked from a stale menu is refused as a conflict and the card then snaps to where it really is.
    private Guid? _held;
    private bool _heldChanged;
    private IDisposable? _boardEvents;
    private IDisposable? _leadEvents;

    private BoardFilter Filter => _filter.ToFilter();

    protected override async Task OnParametersSetAsync()
    {
        _options ??= await ListOptions.HandleAsync(default);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _view = await GetBoard.HandleAsync(BoardId, Filter, default);
        _missing = _view is null;
        _cards.Clear();
        if (_view is null) return;
        _totals = _view.Totals;
        foreach (var cards in _view.Cards.Values) _cards.AddRange(cards);
        Subscribe(_view.Id);
        _container?.Refresh();
    }

    private void Subscribe(Guid boardId)
    {
        if (!RendererInfo.IsInteractive || Tenant.Tenant is not { } tenant) return;
        _boardEvents?.Dispose();
        _boardEvents = Live.Subscribe(BoardEvents.Topic(tenant.Id, boardId), m => InvokeAsync(() => OnBoardEventAsync(m)));
        _leadEvents ??= Live.Subscribe(LeadEvents.Topic(tenant.Id), m => InvokeAsync(() => OnLeadsChangedAsync(m)));
    }

    private StageTotal TotalOf(Guid stageId) => _totals.GetValueOrDefault(stageId) ?? StageTotal.Empty;

    private int Shown(Guid stageId) => _cards.Count(c => c.StageId == stageId);

    private bool HasMore(Guid stageId) => Shown(stageId) < TotalOf(stageId).Count;

    private async Task LoadMoreAsync(Guid stageId)
    {
        if (_view is null) return;
        var next = await Cards.HandleAsync(_view.Id, stageId, Filter, Shown(stageId), default);
        var known = _cards.Select(c => c.Id).ToHashSet();
        _cards.AddRange(next.Where(c => !known.Contains(c.Id)));
        _container?.Refresh();
    }

    private async Task DroppedAsync(MudItemDropInfo<BoardCard> drop)
    {
        if (drop.Item is { } card && Guid.TryParse(drop.DropzoneIdentifier, out var to) && to != card.StageId)
            await MoveToAsync(card, to);
    }

    private async Task MoveToAsync(BoardCard card, Guid stageId)
    {
        if (_view is null) return;
        // Shown in the target column at once; put back where it really is if the move is refused.
        Replace(card.Id, card with { StageId = stageId });
        var result = await Move.HandleAsync(new MoveCardRequest(card.Id, stageId, card.Version), default);
        if (result.Succeeded)
            Replace(card.Id, await Cards.OneAsync(_view.Id, card.Id, Filter, default));
        else
        {
            Refused(card, stageId, result.Errors);
            Replace(card.Id, await Cards.OneAsync(_view.Id, card.Id, Filter, default));
        }
        await RefreshTotalsAsync();
    }

    private void Refused(BoardCard card, Guid stageId, IReadOnlyList<FieldError> errors)
    {
        var stage = _view?.Stages.FirstOrDefault(s => s.Id == stageId);
        var code = errors.Count > 0 ? errors[0].Code : "";
        var message = code switch
        {
            "MissingFields" => T["Move.MissingFields", stage?.Name ?? "", string.Join("、", errors.Where(e => e.Field == "Requirement").Select(e => T["Requirement." + e.Code].Value))],
            "WipLimitReached" => T["Move.WipLimitReached", stage?.Name ?? "", stage?.WipLimit ?? 0],
            "ChangedByOthers" or "NotFound" or "StageUnavailable" or "SameStage" => T["Move." + code],
            _ => T["Move.Failed"],
        };
        Snackbar.Add(message, code == "ChangedByOthers" ? Severity.Warning : Severity.Error, options =>
        {
            if (code != "MissingFields") return;
            options.Action = T["Move.FillFields"];
            options.ActionColor = Color.Primary;
            options.OnClick = _ =>
            {
                Nav.NavigateTo($"/leads/{card.Id}");
                return Task.CompletedTask;
            };
        });
    }

    private async Task OnBoardEventAsync(LiveMessage message)
    {
        if (_view is null) return;
        if (BoardEvents.ReadMoved(message) is not { } moved)
        {
            if (message.Kind == BoardEvents.Changed.Kind) await LoadAsync();
            StateHasChanged();
            return;
        }
        var shown = _cards.FirstOrDefault(c => c.Id == moved.LeadId);
        if (shown is null || shown.Version < moved.Version || shown.StageId != moved.ToStageId) await RefreshCardAsync(moved.LeadId);
        await RefreshTotalsAsync();
        StateHasChanged();
    }

    private async Task OnLeadsChangedAsync(LiveMessage message)
    {
        if (_view is null) return;
        if (Guid.TryParse(message["lead"], out var leadId))
        {
            await RefreshCardAsync(leadId);
            await RefreshTotalsAsync();
        }
        else await LoadAsync();
        StateHasChanged();
    }

    private async Task MenuToggledAsync(Guid leadId, bool open)
    {
        if (open)
        {
            (_held, _heldChanged) = (leadId, false);
            return;
        }
        if (_held != leadId) return;
        var changed = _heldChanged;
        (_held, _heldChanged) = (null, false);
        if (changed && _view is not null) Replace(leadId, await Cards.OneAsync(_view.Id, leadId, Filter, default));
    }

    /// <summary>Re-reads a card after a live event, unless its menu is open (then later).</summary>
    private async Task RefreshCardAsync(Guid leadId)
    {
        if (_view is null) return;
        if (_held == leadId) _heldChanged = true;
        else Replace(leadId, await Cards.OneAsync(_view.Id, leadId, Filter, default));
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
        _container?.Refresh();
    }

    private async Task RefreshTotalsAsync()
    {
        if (_view is null) return;
        _totals = await Cards.TotalsAsync(_view.Id, Filter, default);
    }

    private Task SearchChangedAsync(string? text)
    {
        _filter.Search = text;
        return LoadAsync();
    }

    private Task SetFilterAsync(Action change)
    {
        change();
        return LoadAsync();
    }

    private void SwitchBoard(Guid id) => Nav.NavigateTo($"/boards/{id}");

    public void Dispose()
    {
        _boardEvents?.Dispose();
        _leadEvents?.Dispose();
        GC.SuppressFinalize(this);
    }
}
