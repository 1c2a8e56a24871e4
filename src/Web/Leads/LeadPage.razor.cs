using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.CustomFields;
using LoanSaaS.Web.Team;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Leads;

/// <summary>The lead / customer 360° page: loads through the use cases (which apply the viewer's scope) and reloads live.</summary>
public partial class LeadPage : IDisposable
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private TenantContext TenantContext { get; set; } = default!;
    [Inject] private GetLead GetLead { get; set; } = default!;
    [Inject] private GetLeadTimeline GetTimeline { get; set; } = default!;
    [Inject] private LoanSaaS.Infrastructure.Reclaim.GetReclaimDeadline GetReclaimDeadline { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IStringLocalizer<LoanSaaS.Web.Reclaim.ReclaimText> R { get; set; } = default!;
    [Inject] private AddLead AddLead { get; set; } = default!;
    [Inject] private ConvertToCustomer Convert { get; set; } = default!;
    [Inject] private BlacklistLead Blacklist { get; set; } = default!;
    [Inject] private RemoveFromBlacklist Unblacklist { get; set; } = default!;
    [Inject] private ReleaseToPool Release { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IStringLocalizer<LeadText> L { get; set; } = default!;
    [Inject] private IStringLocalizer<LeadPageText> T { get; set; } = default!;
    [Inject] private IStringLocalizer<CustomFieldText> C { get; set; } = default!;

    private static readonly DialogOptions FormDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
    private static readonly DialogOptions SmallDialog = new() { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };

    private LeadDetail? _lead;
    private IReadOnlyList<LeadTimelineEntry>? _timeline;
    private LoanSaaS.Infrastructure.Reclaim.LeadReclaimDeadline? _reclaim;
    private LeadEntryOptions? _options;
    private bool _notFound;
    private string? _revealedMobile;
    private string? _revealedIdNumber;
    private readonly Dictionary<Guid, string> _revealedCustom = [];
    private Guid _loadedId;
    private IDisposable? _subscription;

    private bool IsCustomerView => new Uri(Nav.Uri).AbsolutePath.StartsWith("/customers/", StringComparison.OrdinalIgnoreCase);

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive && TenantContext.Tenant is { } tenant)
            _subscription = Live.Subscribe(LeadEvents.Topic(tenant.Id), OnLeadsChangedAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (TenantContext.IsApex || _loadedId == Id) return;
        _loadedId = Id;
        _lead = null;
        _timeline = null;
        _revealedMobile = _revealedIdNumber = null;
        _revealedCustom.Clear();
        _options ??= await AddLead.OptionsAsync(default);
        await ReloadAsync();
    }

    private Task OnLeadsChangedAsync(LiveMessage message) =>
        message["lead"] is { } changed && changed != Id.ToString() ? Task.CompletedTask : InvokeAsync(async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        });

    private async Task ReloadAsync()
    {
        var lead = await GetLead.HandleAsync(Id, default);
        _notFound = !lead.Succeeded;
        if (lead.Value is { } detail)
        {
            if (_lead is not null && (_lead.MobileMasked != detail.MobileMasked)) _revealedMobile = null;
            if (_lead is not null && (_lead.IdNumberMasked != detail.IdNumberMasked)) _revealedIdNumber = null;
            foreach (var field in _revealedCustom.Keys.Where(f => _lead?.CustomValues.GetValueOrDefault(f) != detail.CustomValues.GetValueOrDefault(f)).ToList())
                _revealedCustom.Remove(field);
            _lead = detail;
        }
        _timeline = (await GetTimeline.HandleAsync(Id, default)).Value ?? [];
        _reclaim = lead.Succeeded ? await GetReclaimDeadline.HandleAsync(Id, default) : null;
    }

    /// <summary>"将于 2026-12-07 14:00 收回公海：分配后 24 小时未联系", or that it is due at the next check.</summary>
    private string ReclaimNotice(LoanSaaS.Infrastructure.Reclaim.LeadReclaimDeadline reclaim)
    {
        var reason = LoanSaaS.Web.Reclaim.ReclaimText.Reason(R, reclaim.Deadline.Limit, reclaim.Deadline.Amount);
        return reclaim.Deadline.At <= Time.GetUtcNow() ? R["DeadlinePassed", reason] : R["Deadline", LoanSaaS.Domain.Time.Shanghai.Format(reclaim.Deadline.At), reason];
    }

    private static Color StatusColor(LeadStatus status) => status switch
    {
        LeadStatus.Active => Color.Primary,
        LeadStatus.PublicPool => Color.Info,
        LeadStatus.Blacklisted => Color.Error,
        _ => Color.Default,
    };

    private async Task RevealAsync(RevealField field)
    {
        var label = field == RevealField.Mobile ? L["Field.Mobile"].Value : L["Field.IdNumber"].Value;
        if (await AskRevealAsync(field, label, null) is not { } value) return;
        if (field == RevealField.Mobile) _revealedMobile = value;
        else _revealedIdNumber = value;
    }

    private async Task RevealCustomAsync(Domain.CustomFields.CustomField field)
    {
        if (await AskRevealAsync(RevealField.Custom, CustomFieldText.Label(C, field), field.Id) is { } value) _revealedCustom[field.Id] = value;
    }

    /// <summary>The reveal dialog (reason, audit); the plain value, or null when cancelled. The timeline then shows the reveal.</summary>
    private async Task<string?> AskRevealAsync(RevealField field, string label, Guid? fieldId)
    {
        var parameters = new DialogParameters<RevealDialog> { { d => d.LeadId, Id }, { d => d.Field, field }, { d => d.FieldId, fieldId }, { d => d.FieldLabel, label } };
        var dialog = await Dialogs.ShowAsync<RevealDialog>(T["Reveal.Title"], parameters, SmallDialog);
        if (await dialog.Result is not { Canceled: false, Data: string value }) return null;
        _timeline = (await GetTimeline.HandleAsync(Id, default)).Value ?? _timeline;
        return value;
    }

    private async Task EditAsync()
    {
        if (_lead is null || _options is null) return;
        var parameters = new DialogParameters<LeadEditDialog>
        {
            { d => d.Lead, _lead },
            { d => d.Options, _options },
            { d => d.Reloaded, EventCallback.Factory.Create(this, ReloadAsync) },
        };
        var dialog = await Dialogs.ShowAsync<LeadEditDialog>(T["Edit.Title"], parameters, FormDialog);
        if (await dialog.Result is not { Canceled: false, Data: bool changed }) return;
        Snackbar.Add(changed ? T["Edit.Saved"] : T["Edit.NoChange"], changed ? Severity.Success : Severity.Info);
        await ReloadAsync();
    }

    private async Task ConvertAsync()
    {
        if (!await ConfirmAsync(T["Convert.Title"], T["Convert.Text", _lead!.Name], T["Action.Convert"], Color.Success)) return;
        await GuardAsync(async () =>
        {
            var result = await Convert.HandleAsync(Id, default);
            if (!Show(result)) return;
            Snackbar.Add(T["Convert.Done", result.Value!], Severity.Success);
            Nav.NavigateTo($"/customers/{Id}");
            await ReloadAsync();
        });
    }

    private async Task ReleaseAsync()
    {
        if (!await ConfirmAsync(T["Release.Title"], T["Release.Text", _lead!.Name], T["Action.Release"], Color.Primary)) return;
        await GuardAsync(async () =>
        {
            if (!Show(await Release.HandleAsync(Id, default))) return;
            Snackbar.Add(T["Release.Done"], Severity.Success);
            await ReloadAsync();
        });
    }

    private Task BlacklistAsync() => ReasonAsync(T["Blacklist.Title"], T["Blacklist.Intro", _lead!.Name], T["Action.Blacklist"], Color.Error,
        reason => Blacklist.HandleAsync(new BlacklistLeadRequest(Id, reason), default), T["Blacklist.Done"]);

    private Task UnblacklistAsync() => ReasonAsync(T["Unblacklist.Title"], T["Unblacklist.Intro", _lead!.Name], T["Action.Unblacklist"], Color.Primary,
        reason => Unblacklist.HandleAsync(new RemoveFromBlacklistRequest(Id, reason), default), T["Unblacklist.Done"]);

    private async Task ReasonAsync(string title, string intro, string confirm, Color color, Func<string, Task<Result>> submit, string done)
    {
        var parameters = new DialogParameters<BlacklistReasonDialog>
        {
            { d => d.Intro, intro }, { d => d.ConfirmText, confirm }, { d => d.Color, color }, { d => d.Submit, submit },
        };
        var dialog = await Dialogs.ShowAsync<BlacklistReasonDialog>(title, parameters, SmallDialog);
        if (await dialog.Result is not { Canceled: false }) return;
        Snackbar.Add(done, Severity.Success);
        await ReloadAsync();
    }

    private async Task AssignAsync()
    {
        var parameters = new DialogParameters<AssignLeadDialog> { { d => d.LeadId, Id }, { d => d.CurrentOwnerId, _lead?.OwnerId } };
        var dialog = await Dialogs.ShowAsync<AssignLeadDialog>(T["Assign.Title"], parameters, SmallDialog);
        if (await dialog.Result is not { Canceled: false, Data: string name }) return;
        Snackbar.Add(T["Assign.Done", name], Severity.Success);
        await ReloadAsync();
    }

    private async Task<bool> ConfirmAsync(string title, string text, string confirm, Color color)
    {
        var parameters = new DialogParameters<ConfirmDialog> { { d => d.Text, text }, { d => d.ConfirmText, confirm }, { d => d.Color, color } };
        var dialog = await Dialogs.ShowAsync<ConfirmDialog>(title, parameters, SmallDialog);
        return await dialog.Result is { Canceled: false };
    }

    private bool Show(Result result)
    {
        foreach (var error in result.Errors) Snackbar.Add(LeadPageText.Error(T, L, error), Severity.Error);
        return result.Succeeded;
    }

    /// <summary>The member's rights may have changed since the page opened: say so instead of ending the circuit.</summary>
    private async Task GuardAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (AccessDeniedException)
        {
            Snackbar.Add(T["Error.AccessDenied"], Severity.Error);
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
