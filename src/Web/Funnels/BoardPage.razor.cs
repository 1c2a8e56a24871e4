using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.Leads;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Funnels;

/// <summary>
/// A live Kanban board over a <see cref="BoardSession"/>: columns with totals from the database and cards loaded a
/// page at a time; moves by drag and drop or the card's "move to" menu; other people's moves and new leads arrive live.
/// </summary>
public partial class BoardPage : IDisposable
{
    [Parameter] public Guid? BoardId { get; set; }

    [Inject] private BoardSession Session { get; set; } = default!;
    [Inject] private ListLeadsOptions ListOptions { get; set; } = default!;
    [Inject] private TenantContext Tenant { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<BoardText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<LeadText> L { get; set; } = default!;

    private static readonly DialogOptions MoveDialog = new() { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true, CloseButton = true };

    private readonly BoardFilterState _filter = new();
    private MudDropContainer<BoardCard>? _container;
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
        _options ??= await ListOptions.HandleAsync(default);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Session.Filter = _filter.ToFilter();
        _missing = !await Session.LoadAsync(BoardId, follow: RendererInfo.IsInteractive, default);
        _container?.Refresh();
    }

    private Task RenderAsync()
    {
        _container?.Refresh();
        StateHasChanged();
        return Task.CompletedTask;
    }

    private StageTotal TotalOf(Guid stageId) => Session.TotalOf(stageId);

    private int Shown(Guid stageId) => Session.Shown(stageId);

    private bool HasMore(Guid stageId) => Session.HasMore(stageId);

    private async Task LoadMoreAsync(Guid stageId)
    {
        await Session.LoadMoreAsync(stageId, default);
        _container?.Refresh();
    }

    private async Task DroppedAsync(MudItemDropInfo<BoardCard> drop)
    {
        if (drop.Item is { } card && Guid.TryParse(drop.DropzoneIdentifier, out var to) && to != card.StageId)
            await MoveToAsync(card, to);
    }

    private async Task MoveToAsync(BoardCard card, Guid stageId)
    {
        var moving = Session.MoveAsync(card, stageId, default);
        _container?.Refresh();
        var result = await moving;
        if (!result.Succeeded) Refused(card, stageId, result.Errors);
        _container?.Refresh();
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
        _container?.Refresh();
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

    public void Dispose()
    {
        Session.Changed -= RenderAsync;
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
