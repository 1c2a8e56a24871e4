using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.Leads;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace LoanSaaS.Web.Funnels;

/// <summary>
/// A live Kanban board over a <see cref="BoardSession"/>: columns with totals from the database and cards loaded a
/// page at a time; moves by drag and drop or the card's "move to" menu; other people's moves and new leads arrive live.
/// board.js draws the cards from <see cref="BoardColumnCards"/> lists and reports clicks and drops by card id.
/// </summary>
public partial class BoardPage : IAsyncDisposable
{
    [Parameter] public Guid? BoardId { get; set; }
    /// <summary>A customer pool to open the board on (from the pools page).</summary>
    [SupplyParameterFromQuery(Name = "pool")] public Guid? Pool { get; set; }

    [Inject] private BoardSession Session { get; set; } = default!;
    [Inject] private ListLeadsOptions ListOptions { get; set; } = default!;
    [Inject] private TenantContext Tenant { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<BoardText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<LeadText> L { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private static readonly DialogOptions MoveDialog = new() { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true };

    private readonly BoardFilterState _filter = new();
    private ElementReference _columns;
    private IJSObjectReference? _script;
    private DotNetObjectReference<BoardPage>? _self;
    private string? _attached;
    private Dictionary<Guid, int> _drawn = [];
    private BoardColumnCards ColumnCards => _columnCards ??= new(T);
    private BoardColumnCards? _columnCards;
    private LeadListOptions? _options;
    private bool _filtersOpen;
    private bool _missing;
    private BoardCard? _opened;

    private BoardView? View => Session.View;

    protected override void OnInitialized()
    {
        Session.Dispatch = InvokeAsync;
        Session.Changed += RenderAsync;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_options is null && Pool is { } pool)
        {
            _filter.PoolId = pool.ToString();
            _filtersOpen = true;
        }
        _options ??= await ListOptions.HandleAsync(default);
        _filter.Fields = _options.Fields;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Session.Filter = _filter.ToFilter();
        _missing = !await Session.LoadAsync(BoardId, follow: RendererInfo.IsInteractive, default);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (View is null || !RendererInfo.IsInteractive) return;
        _script ??= await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/board.js"]);
        // The columns element is new after a "not found" board: listen to it and draw every column again.
        if (_attached != _columns.Id)
        {
            _self ??= DotNetObjectReference.Create(this);
            await _script.InvokeVoidAsync("attach", _columns, _self, new { moveTo = T["MoveTo"].Value, noOwner = T["NoOwner"].Value });
            (_attached, _drawn) = (_columns.Id, []);
        }
        await DrawCardsAsync();
    }

    /// <summary>Sends each column whose cards changed since they were last drawn.</summary>
    private async Task DrawCardsAsync()
    {
        if (View is not { } view || _script is null) return;
        foreach (var gone in _drawn.Keys.Where(id => view.Stages.All(s => s.Id != id)).ToList()) _drawn.Remove(gone);
        var now = Time.GetUtcNow();
        foreach (var stage in view.Stages)
        {
            var cards = ColumnCards.Column(Session.Cards.Where(c => c.StageId == stage.Id), now);
            var signature = BoardColumnCards.Signature(cards);
            if (_drawn.TryGetValue(stage.Id, out var drawn) && drawn == signature) continue;
            _drawn[stage.Id] = signature;
            await _script.InvokeVoidAsync("fill", _columns, stage.Id, cards);
        }
    }

    private Task RenderAsync()
    {
        StateHasChanged();
        return Task.CompletedTask;
    }

    [JSInvokable]
    public Task Open(Guid leadId)
    {
        _opened = Find(leadId);
        StateHasChanged();
        return Task.CompletedTask;
    }

    [JSInvokable]
    public Task Menu(Guid leadId) => Find(leadId) is { } card ? AskMoveAsync(card) : Task.CompletedTask;

    [JSInvokable]
    public Task Drop(Guid leadId, Guid stageId) => Find(leadId) is { } card && card.StageId != stageId ? MoveToAsync(card, stageId) : Task.CompletedTask;

    private BoardCard? Find(Guid leadId) => Session.Cards.Find(c => c.Id == leadId);

    private StageTotal TotalOf(Guid stageId) => Session.TotalOf(stageId);

    private int Shown(Guid stageId) => Session.Shown(stageId);

    private bool HasMore(Guid stageId) => Session.HasMore(stageId);

    private async Task LoadMoreAsync(Guid stageId)
    {
        await Session.LoadMoreAsync(stageId, default);
    }

    private async Task MoveToAsync(BoardCard card, Guid stageId)
    {
        var moving = Session.MoveAsync(card, stageId, default);
        StateHasChanged();
        var result = await moving;
        if (!result.Succeeded) Refused(card, stageId, result.Errors);
        StateHasChanged();
    }

    /// <summary>"移动到…": the card is held still while the dialog is open, so a stale choice is refused as a conflict.</summary>
    private async Task AskMoveAsync(BoardCard card)
    {
        if (View is null) return;
        await Session.HoldAsync(card.Id, open: true);
        var parameters = new DialogParameters<BoardMoveDialog>
        {
            { d => d.Stages, View.Stages }, { d => d.Current, card.StageId }, { d => d.OtherBoards, View.Boards.Where(b => b.Id != View.Id).ToList() },
        };
        var dialog = await Dialogs.ShowAsync<BoardMoveDialog>(T["MoveTo"], parameters, MoveDialog);
        var result = await dialog.Result;
        await Session.HoldAsync(card.Id, open: false);
        StateHasChanged();
        if (result is { Canceled: false, Data: Guid stage }) await MoveToAsync(card, stage);
    }

    private void Refused(BoardCard card, Guid stageId, IReadOnlyList<FieldError> errors)
    {
        var stage = View?.Stages.FirstOrDefault(s => s.Id == stageId);
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

    public async ValueTask DisposeAsync()
    {
        Session.Changed -= RenderAsync;
        Session.Dispose();
        if (_script is not null)
        {
            try
            {
                await _script.InvokeVoidAsync("detach", _columns);
                await _script.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the page's listeners with it.
            }
        }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
