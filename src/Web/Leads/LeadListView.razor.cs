using System.Globalization;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Assignment;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.Assignment;
using LoanSaaS.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Leads;

/// <summary>
/// The one list behind 意向客户, 客户, 公海 and 黑名单: server-side paging, sorting, filters and search through
/// <see cref="ListLeads"/>, inline intent and tags, claiming from the pool, export, and live reloads.
/// </summary>
public partial class LeadListView : IDisposable
{
    [Parameter, EditorRequired] public LeadView View { get; set; }
    /// <summary>Filters to start with (a dashboard number links to its list with them in the URL).</summary>
    [Parameter] public LeadListFilter? Initial { get; set; }

    [Inject] private ListLeads ListLeads { get; set; } = default!;
    [Inject] private ListLeadsOptions ListOptions { get; set; } = default!;
    [Inject] private UpdateLeadInline UpdateInline { get; set; } = default!;
    [Inject] private ClaimLead ClaimLead { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private TenantContext Tenant { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<LeadListText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<LeadText> L { get; set; } = default!;
    [Inject] private IStringLocalizer<ErrorText> E { get; set; } = default!;
    [Inject] private IStringLocalizer<AssignmentText> A { get; set; } = default!;

    private static readonly int[] PageSizes = [20, 50, 100];

    private LeadListFilter _filter = new();
    private MudDataGrid<LeadListRow>? _grid;
    private LeadListOptions? _options;
    private LeadListQuery _lastQuery = new();
    private LeadListPage? _page;
    private bool _filtersOpen;
    private IDisposable? _subscription;

    private bool CanEditInline => View is LeadView.Leads or LeadView.Customers;
    private int ActiveFilterCount => _filter.Count;

    private string CountText => _page is null ? "" : _page.TotalIsCapped
        ? T["TotalCapped", ListLeads.CountLimit.ToString("N0", CultureInfo.InvariantCulture)]
        : T["Total", _page.Total.ToString("N0", CultureInfo.InvariantCulture)];

    protected override async Task OnInitializedAsync()
    {
        if (Initial is not null)
        {
            _filter = Initial;
            _filtersOpen = _filter.Count > 0;
        }
        if (RendererInfo.IsInteractive && Tenant.Tenant is { } tenant)
            _subscription = Live.Subscribe(LeadEvents.Topic(tenant.Id), _ => InvokeAsync(ReloadAsync));
        _options = await ListOptions.HandleAsync(default);
        _filter.Fields = _options.Fields;
        _shownFields = _options.Fields.Active.Where(f => f.ShowInList).Select(f => f.Id).ToHashSet();
    }

    /// <summary>The agency's fields shown as columns: those marked "show in lists", as the viewer toggles them.</summary>
    private HashSet<Guid> _shownFields = [];
    /// <summary>The agency's own field filters are offered on request: a dozen fields would bury the everyday filters.</summary>
    private bool _customFiltersOpen;

    private IEnumerable<Domain.CustomFields.CustomField> ShownFields =>
        _options?.Fields.Active.Where(f => _shownFields.Contains(f.Id)) ?? [];

    private void ToggleColumn(Guid fieldId, bool shown)
    {
        if (shown) _shownFields.Add(fieldId);
        else _shownFields.Remove(fieldId);
    }

    private Task SetCustomFilterAsync(string key, string? value) => SetFilterAsync(() => _filter.Custom[key] = value);

    private async Task<GridData<LeadListRow>> LoadAsync(GridState<LeadListRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = _filter.ToQuery(View, SortOf(sort?.SortBy), sort?.Descending ?? true, state.Page, state.PageSize);
        _page = await ListLeads.HandleAsync(query, ct);
        _lastQuery = query;
        StateHasChanged();
        return new GridData<LeadListRow> { Items = _page.Rows, TotalItems = _page.Total };
    }

    private static LeadSort SortOf(string? column) => column switch
    {
        nameof(LeadListRow.Name) => LeadSort.Name,
        nameof(LeadListRow.AmountWan) => LeadSort.Amount,
        nameof(LeadListRow.Intent) => LeadSort.Intent,
        nameof(LeadListRow.NextFollowUpAt) => LeadSort.NextFollowUp,
        _ => LeadSort.Created,
    };

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task SearchChangedAsync(string? text)
    {
        _filter.Search = text;
        return ReloadAsync();
    }

    private Task SetFilterAsync(Action set)
    {
        set();
        return ReloadAsync();
    }

    private Task ClearFiltersAsync()
    {
        _filter.Clear();
        return ReloadAsync();
    }

    private Task OpenAsync(DataGridRowClickEventArgs<LeadListRow> click)
    {
        Nav.NavigateTo(View == LeadView.Customers ? $"/customers/{click.Item.Id}" : $"/leads/{click.Item.Id}");
        return Task.CompletedTask;
    }

    private Task SetIntentAsync(LeadListRow row, IntentLevel? intent) =>
        SaveInlineAsync(row, new LeadInlineEdit(row.Id, row.Version, intent, row.Tags));

    private async Task EditTagsAsync(LeadListRow row)
    {
        var parameters = new DialogParameters<LeadGridTagsDialog> { { d => d.Tags, row.Tags } };
        var dialog = await Dialogs.ShowAsync<LeadGridTagsDialog>(T["EditTags"] + " · " + row.Name, parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: IReadOnlyList<string> tags })
            await SaveInlineAsync(row, new LeadInlineEdit(row.Id, row.Version, row.Intent, tags));
    }

    private Task SaveInlineAsync(LeadListRow row, LeadInlineEdit edit) => GuardAsync(async () =>
    {
        var saved = await UpdateInline.HandleAsync(edit, default);
        if (saved.Succeeded) Snackbar.Add(T["Saved", row.Name], Severity.Success);
        else ShowErrors(saved);
        await ReloadAsync();
    });

    /// <summary>Leads chosen for a bulk action, kept across pages and live reloads (with the owner, to ask for a reason).</summary>
    private readonly Dictionary<Guid, string?> _selected = [];

    private bool CanSelect => _options?.CanApplyRules == true && View is LeadView.Leads or LeadView.Pool;

    private bool PageSelected => _page is { Rows.Count: > 0 } page && page.Rows.All(r => _selected.ContainsKey(r.Id));

    private void Select(LeadListRow row, bool selected)
    {
        if (selected) _selected[row.Id] = row.OwnerId;
        else _selected.Remove(row.Id);
    }

    private void SelectPage(bool selected)
    {
        foreach (var row in _page?.Rows ?? []) Select(row, selected);
    }

    private Task ApplyRulesAsync() => GuardAsync(async () =>
    {
        var parameters = new DialogParameters<ApplyRulesDialog>
        {
            { d => d.LeadIds, _selected.Keys.ToList() },
            { d => d.NeedsReason, View == LeadView.Leads && _selected.Values.Any(owner => owner is not null && owner != _options?.ViewerId) },
        };
        var dialog = await Dialogs.ShowAsync<ApplyRulesDialog>(T["ApplyRules"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: ApplyAssignmentRulesResult done }) return;
        Snackbar.Add(A["Apply.Done", done.Assigned, done.Pooled, done.Unchanged, done.Unmatched], Severity.Success);
        if (done.Skipped > 0) Snackbar.Add(A["Apply.Skipped", done.Skipped], Severity.Warning);
        _selected.Clear();
        await ReloadAsync();
    });

    private Task ClaimAsync(LeadListRow row) => GuardAsync(async () =>
    {
        var claimed = await ClaimLead.HandleAsync(row.Id, default);
        if (claimed.Succeeded) Snackbar.Add(T["Claimed", row.Name], Severity.Success);
        else ShowErrors(claimed);
        await ReloadAsync();
    });

    private async Task ExportAsync()
    {
        var parameters = new DialogParameters<ExportDialog>
        {
            { d => d.Query, _lastQuery with { Page = 0 } },
            { d => d.CountText, CountText },
            { d => d.CanUnmask, _options?.CanExportUnmasked == true },
        };
        var dialog = await Dialogs.ShowAsync<ExportDialog>(T["ExportTitle"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false }) Snackbar.Add(T["ExportStarted"], Severity.Info);
    }

    private void ShowErrors(Result result)
    {
        foreach (var error in result.Errors)
            Snackbar.Add(T[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : LeadText.Error(L, error),
                error.Code == "ChangedByOthers" ? Severity.Warning : Severity.Error);
    }

    private async Task GuardAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (AccessDeniedException)
        {
            Snackbar.Add(E["AccessDenied"], Severity.Error);
        }
    }

    private static Color IntentColor(IntentLevel intent) => intent switch
    {
        IntentLevel.A => Color.Error,
        IntentLevel.B => Color.Warning,
        IntentLevel.C => Color.Info,
        _ => Color.Default,
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
