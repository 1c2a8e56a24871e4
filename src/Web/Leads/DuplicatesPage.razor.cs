using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Leads;

public sealed partial class DuplicatesPage
{
    private const int PageSize = 10;

    [Inject] private FindDuplicateLeads FindDuplicates { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;

    private DuplicatePage? _page;
    private int _pageIndex;
    private IDisposable? _subscription;
    private bool _reloadPending;
    private bool _disposed;

    private int PageCount => _page is null ? 0 : (_page.TotalGroups + PageSize - 1) / PageSize;

    protected override async Task OnInitializedAsync()
    {
        if (TenantContext.IsApex) return;
        // Merges, imports and edits by others change the groups: reload what this viewer may see, at most once a
        // second, since an import announces every batch.
        _subscription = Live.Subscribe(LeadEvents.Topic(TenantContext.Required.Id), _ => InvokeAsync(ReloadSoonAsync));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _page = await FindDuplicates.HandleAsync(new FindDuplicatesRequest(_pageIndex, PageSize), default);
            if (_page.Groups.Count == 0 && _pageIndex > 0)
            {
                _pageIndex = Math.Max(0, PageCount - 1);
                _page = await FindDuplicates.HandleAsync(new FindDuplicatesRequest(_pageIndex, PageSize), default);
            }
        }
        catch (AccessDeniedException)
        {
            _page = new DuplicatePage([], 0);
            Snackbar.Add(T["Error.AccessDenied"], Severity.Error);
        }
    }

    private async Task ReloadSoonAsync()
    {
        if (_reloadPending) return;
        _reloadPending = true;
        await Task.Delay(TimeSpan.FromSeconds(1));
        _reloadPending = false;
        if (_disposed) return;
        await LoadAsync();
        StateHasChanged();
    }

    private async Task GoToAsync(int page)
    {
        _pageIndex = page - 1;
        await LoadAsync();
    }

    private async Task MergeAsync((DuplicateLead Survivor, DuplicateLead Merged) pair)
    {
        var parameters = new DialogParameters<DuplicateMergeDialog>
        {
            { d => d.SurvivorId, pair.Survivor.Id },
            { d => d.MergedId, pair.Merged.Id },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        var dialog = await Dialogs.ShowAsync<DuplicateMergeDialog>(T["DialogTitle"], parameters, options);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(T["Merged", pair.Survivor.Number, pair.Merged.Number], Severity.Success);
            await LoadAsync();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
    }
}
