using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Platform;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.Localization;
using LoanSaaS.Web.Tenancy;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;


namespace LoanSaaS.Web.Platform;

/// <summary>The platform admin's list of agencies: state, usage and trial, with suspend / resume / retry.</summary>
public sealed partial class AgenciesPage
{
    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private ListAgencies List { get; set; } = default!;
    [Inject] private ManageAgencyState States { get; set; } = default!;
    [Inject] private HostTenantStrategy Hosts { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<PlatformText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<ErrorText> E { get; set; } = default!;

    private IReadOnlyList<AgencyRow>? _all;
    private IReadOnlyList<AgencyRow>? _rows;
    private string? _search;
    private bool _loading;
    private bool _reloadPending;
    private Guid? _busyId;
    private DateOnly _today;
    private readonly Dictionary<Guid, IDisposable> _progress = [];

    protected override async Task OnInitializedAsync()
    {
        if (!TenantContext.IsApex) return;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        // Live provisioning messages can arrive in bursts: one reload at a time, plus at most one queued behind it.
        if (_loading)
        {
            _reloadPending = true;
            return;
        }
        _loading = true;
        try
        {
            do
            {
                _reloadPending = false;
                _today = Shanghai.Today(Time);
                var search = _search?.Trim();
                _all = await List.HandleAsync(null, default);
                _rows = string.IsNullOrEmpty(search) ? _all : await List.HandleAsync(search, default);
                WatchUnfinished();
            } while (_reloadPending);
        }
        finally
        {
            _loading = false;
        }
    }

    /// <summary>Agencies being created (or retried) report progress live; their rows refresh as it arrives.</summary>
    private void WatchUnfinished()
    {
        if (!RendererInfo.IsInteractive || _all is null) return;
        var unfinished = _all.Where(a => a.State is TenantState.Provisioning or TenantState.Failed).Select(a => a.Id).ToHashSet();
        foreach (var id in _progress.Keys.Where(id => !unfinished.Contains(id)).ToList())
        {
            _progress[id].Dispose();
            _progress.Remove(id);
        }
        foreach (var id in unfinished.Where(id => !_progress.ContainsKey(id)))
            _progress[id] = Live.Subscribe(ProvisioningProgress.Topic(id), _ => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        Snackbar.Add(T["Refreshed"], Severity.Info);
    }

    private Task SearchAsync(string? _) => LoadAsync();

    private Task ClearSearchAsync()
    {
        _search = null;
        return LoadAsync();
    }

    private string AgencyUrl(string slug) => WorkspaceLinks.Root(Hosts, Nav, slug) + "/";

    private async Task SuspendAsync(AgencyRow agency)
    {
        var parameters = new DialogParameters<SuspendAgencyDialog> { { d => d.AgencyName, agency.Name } };
        var dialog = await Dialogs.ShowAsync<SuspendAgencyDialog>(T["SuspendTitle"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled) return;
        await RunAsync(agency, ct => States.SuspendAsync(agency.Id, result.Data as string, ct), T["SuspendedDone", agency.Name]);
    }

    private Task ResumeAsync(AgencyRow agency) =>
        RunAsync(agency, ct => States.ResumeAsync(agency.Id, ct), T["ResumedDone", agency.Name]);

    private Task RetryAsync(AgencyRow agency) =>
        RunAsync(agency, ct => States.RetryProvisioningAsync(agency.Id, ct), T["RetryDone", agency.Name]);

    private async Task RunAsync(AgencyRow agency, Func<CancellationToken, Task<Result>> change, string done)
    {
        _busyId = agency.Id;
        try
        {
            var result = await change(default);
            if (result.Succeeded)
                Snackbar.Add(done, Severity.Success);
            else
                foreach (var error in result.Errors)
                    Snackbar.Add(E[error.Code], Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _busyId = null;
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _progress.Values) subscription.Dispose();
        _progress.Clear();
    }
}
