using LoanSaaS.Domain.Applications;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.Leads;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Applications;

/// <summary>
/// One application: terms (edited while a draft or returned), the document checklist, submit (admission refusals in
/// words), withdraw, its timeline; follows changes by others live.
/// </summary>
public partial class ApplicationPage : IDisposable
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    [Parameter] public Guid Id { get; set; }

    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private GetApplication Get { get; set; } = default!;
    [Inject] private EditApplication Edit { get; set; } = default!;
    [Inject] private SubmitApplication Submit { get; set; } = default!;
    [Inject] private WithdrawApplication Withdraw { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<ApplicationText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<LeadText> L { get; set; } = default!;

    private ApplicationDetail? _app;
    private ApplicationForm _form = new();
    private List<FieldError> _errors = [];
    private IReadOnlyList<AdmissionFailure> _failures = [];
    private bool _editing;
    private bool _busy;
    private bool _notFound;
    private IDisposable? _subscription;

    protected override async Task OnParametersSetAsync()
    {
        if (TenantContext.IsApex) return;
        _subscription?.Dispose();
        if (RendererInfo.IsInteractive && TenantContext.Tenant is { } tenant)
            _subscription = Live.Subscribe(ApplicationEvents.Topic(tenant.Id), m => m["application"] == Id.ToString() ? InvokeAsync(ReloadAsync) : Task.CompletedTask);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Get.HandleAsync(Id, default);
        _notFound = !result.Succeeded;
        _app = result.Value;
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private void StartEdit()
    {
        _form = ApplicationForm.Of(_app!);
        _errors = [];
        _editing = true;
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var result = await Edit.HandleAsync(new EditApplicationRequest(Id, _app!.Version, _form.ToInput()), default);
            if (result.Succeeded)
            {
                _editing = false;
                _errors = [];
                Snackbar.Add(T["Page.Saved"], Severity.Success);
            }
            else _errors = result.Errors.ToList();
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SubmitAsync()
    {
        _busy = true;
        _errors = [];
        _failures = [];
        try
        {
            var result = await Submit.HandleAsync(new SubmitApplicationRequest(Id, _app!.Version), default);
            if (result.Succeeded) Snackbar.Add(T["Page.Submitted"], Severity.Success);
            else if (result.Value is { Failures.Count: > 0 } refused) _failures = refused.Failures;
            else _errors = result.Errors.ToList();
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task WithdrawAsync()
    {
        var app = _app!;
        var parameters = new DialogParameters<ApplicationReasonDialog>
        {
            { d => d.Intro, T["Withdraw.Intro", app.Number].Value },
            { d => d.Label, T["Withdraw.Reason"].Value },
            { d => d.ConfirmText, T["Action.Withdraw"].Value },
            { d => d.Submit, async reason => await Withdraw.HandleAsync(new WithdrawApplicationRequest(app.Id, app.Version, reason), default) },
        };
        var result = await (await Dialogs.ShowAsync<ApplicationReasonDialog>(T["Withdraw.Title"], parameters, Options)).Result;
        if (result is { Canceled: false }) Snackbar.Add(T["Page.Withdrawn"], Severity.Info);
        await LoadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
