using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Funnels;

/// <summary>An admin's editor of a board's stages (<see cref="ManageFunnel"/>): add, edit, reorder by drag or arrows, archive, restore.</summary>
public partial class FunnelSettingsPage
{
    private static readonly DialogOptions Dialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };

    [Parameter] public Guid? BoardId { get; set; }

    [Inject] private ManageFunnel Funnel { get; set; } = default!;
    [Inject] private TenantContext Tenant { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<BoardText> T { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    // One list instance for the drop container: it re-reads its items on Refresh, not when handed a new list.
    private readonly List<StageRow> _active = [];
    private MudDropContainer<StageRow>? _container;
    private FunnelSettings? _settings;
    private bool _missing;

    private List<StageRow> Active => _active;
    private List<StageRow> Archived => _settings?.Stages.Where(s => s.IsArchived).ToList() ?? [];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _settings = await Funnel.HandleAsync(BoardId, default);
        _missing = _settings is null;
        _active.Clear();
        if (_settings is not null) _active.AddRange(_settings.Stages.Where(s => !s.IsArchived));
        _container?.Refresh();
    }

    private async Task EditAsync(StageRow? stage)
    {
        if (_settings is not { } settings) return;
        var parameters = new DialogParameters<StageEditDialog>
        {
            { d => d.Stage, stage },
            { d => d.Submit, edit => Funnel.SaveStageAsync(settings.BoardId, settings.Version, edit, default) },
        };
        var dialog = await Dialogs.ShowAsync<StageEditDialog>(stage is null ? T["Settings.Add"] : T["Settings.Edit"], parameters, Dialog);
        if (await dialog.Result is { Canceled: false }) await LoadAsync();
    }

    private async Task ArchiveAsync(StageRow stage)
    {
        if (_settings is not { } settings) return;
        var parameters = new DialogParameters<StageArchiveDialog>
        {
            { d => d.Stage, stage },
            { d => d.Targets, Active.Where(s => s.Id != stage.Id).ToList() },
            { d => d.Submit, target => Funnel.ArchiveAsync(settings.BoardId, settings.Version, stage.Id, target, default) },
        };
        var dialog = await Dialogs.ShowAsync<StageArchiveDialog>(T["Archive"], parameters, Dialog);
        if (await dialog.Result is { Canceled: false }) await LoadAsync();
    }

    private async Task RestoreAsync(StageRow stage)
    {
        if (_settings is not { } settings) return;
        Report(await Funnel.RestoreAsync(settings.BoardId, settings.Version, stage.Id, default));
        await LoadAsync();
    }

    private Task DroppedAsync(MudItemDropInfo<StageRow> drop)
    {
        var order = Active.ToList();
        if (drop.Item is not { } stage || order.IndexOf(stage) is var from && from < 0) return Task.CompletedTask;
        order.RemoveAt(from);
        order.Insert(Math.Clamp(drop.IndexInZone, 0, order.Count), stage);
        return ReorderAsync(order);
    }

    private Task ShiftAsync(int index, int by)
    {
        var order = Active.ToList();
        (order[index], order[index + by]) = (order[index + by], order[index]);
        return ReorderAsync(order);
    }

    private async Task ReorderAsync(List<StageRow> active)
    {
        if (_settings is not { } settings) return;
        var ids = active.Concat(Archived).Select(s => s.Id).ToList();
        Report(await Funnel.ReorderAsync(settings.BoardId, settings.Version, ids, default));
        await LoadAsync();
    }

    private async Task CreateBoardAsync()
    {
        Guid? created = null;
        var parameters = new DialogParameters<BoardNameDialog>
        {
            { d => d.Submit, async name => { var r = await Funnel.CreateBoardAsync(name, default); created = r.Value; return r; } },
        };
        var dialog = await Dialogs.ShowAsync<BoardNameDialog>(T["Board.Create"], parameters, Dialog);
        if (await dialog.Result is { Canceled: false } && created is { } id) Nav.NavigateTo($"/settings/funnels/{id}");
    }

    private async Task RenameBoardAsync()
    {
        if (_settings is not { } settings) return;
        var parameters = new DialogParameters<BoardNameDialog>
        {
            { d => d.Name, settings.BoardName },
            { d => d.Submit, async name => await Funnel.RenameBoardAsync(settings.BoardId, settings.Version, name, default) },
        };
        var dialog = await Dialogs.ShowAsync<BoardNameDialog>(T["Board.Rename"], parameters, Dialog);
        if (await dialog.Result is { Canceled: false }) await LoadAsync();
    }

    private async Task MakeDefaultAsync()
    {
        if (_settings is not { } settings) return;
        Report(await Funnel.MakeDefaultAsync(settings.BoardId, settings.Version, default));
        await LoadAsync();
    }

    private void Report(Result<long> result)
    {
        if (result.Succeeded) return;
        Snackbar.Add(BoardText.Error(T, result.Errors[0]), Severity.Warning);
    }
}
