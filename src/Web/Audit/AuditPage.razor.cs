using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LoanSaaS.Web.Audit;

/// <summary>
/// The audit log, one server page at a time (the first page is rendered with the page itself), with filters and the
/// integrity check. Only the current page is ever loaded; the grid shows it, MudPagination moves between pages.
/// </summary>
public partial class AuditPage
{
    private const int PageSize = 20;

    [Inject] private ListAuditEntries ListEntries { get; set; } = default!;
    [Inject] private VerifyAuditChain Verify { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Localization.IStringLocalizer<Localization.ErrorText> E { get; set; } = default!;

    private AuditEntriesPage? _page;
    private int _pageIndex;
    private bool _loading;
    private bool _verifying;
    private AuditChainCheck? _check;
    private string? _action;
    private string? _entityType;
    private string? _entity;
    private string? _actor;
    private DateTime? _from;
    private DateTime? _to;

    private int PageCount => _page is null ? 0 : (_page.Total + PageSize - 1) / PageSize;

    protected override async Task OnInitializedAsync()
    {
        if (TenantContext.IsApex) return;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _page = await ListEntries.HandleAsync(new AuditQuery(_pageIndex, PageSize)
            {
                Action = _action, EntityType = _entityType, Entity = _entity, Actor = _actor,
                From = _from is { } f ? DateOnly.FromDateTime(f) : null,
                To = _to is { } t ? DateOnly.FromDateTime(t) : null,
            }, default);
        }
        catch (AccessDeniedException)
        {
            Snackbar.Add(E["AccessDenied"], Severity.Error);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task FilterAsync(Action set)
    {
        set();
        _pageIndex = 0;
        await LoadAsync();
    }

    private async Task GoToAsync(int page)
    {
        _pageIndex = page - 1;
        await LoadAsync();
    }

    private async Task ResetAsync()
    {
        (_action, _entityType, _entity, _actor, _from, _to, _pageIndex) = (null, null, null, null, null, null, 0);
        await LoadAsync();
    }

    private async Task VerifyAsync()
    {
        _verifying = true;
        try
        {
            _check = await Verify.HandleAsync(default);
            // The check is itself an audit entry: show it.
            await LoadAsync();
        }
        catch (AccessDeniedException)
        {
            Snackbar.Add(E["AccessDenied"], Severity.Error);
        }
        finally
        {
            _verifying = false;
        }
    }

    private static string Short(string id) => id.Length > 12 ? id[..8] + "…" : id;
}
