using System.Globalization;
using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Appointments;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LoanSaaS.Web.Appointments;

/// <summary>
/// The team's visits by day or week (Shanghai days), or one lead's visits (?lead=), as far as the member may see
/// them; re-read live when any visit of the agency changes. A visit opens its detail: check in, outcome, reschedule, cancel.
/// </summary>
public partial class AppointmentsPage : IDisposable
{
    private static readonly DialogOptions Dialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    [SupplyParameterFromQuery(Name = "view")] public string? ViewParameter { get; set; }
    [SupplyParameterFromQuery(Name = "date")] public string? DateParameter { get; set; }
    [SupplyParameterFromQuery(Name = "mine")] public bool Mine { get; set; }
    [SupplyParameterFromQuery(Name = "team")] public string? Team { get; set; }
    [SupplyParameterFromQuery(Name = "lead")] public Guid? LeadFocus { get; set; }

    [Inject] private ListAppointments List { get; set; } = default!;
    [Inject] private ListLeadsOptions ListOptions { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private TenantContext Tenant { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IStringLocalizer<AppointmentText> T { get; set; } = default!;

    private IReadOnlyList<AppointmentView>? _items;
    private IReadOnlyList<LeadFilterChoice> _teams = [];
    private IDisposable? _subscription;

    private CalendarView ViewKind => ViewParameter == "day" ? CalendarView.Day : CalendarView.Week;

    private DateOnly Date => DateOnly.TryParseExact(DateParameter, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : Shanghai.Today(Time);

    private IReadOnlyList<DateOnly> Days => LeadFocus is null ? AppointmentCalendar.Days(ViewKind, Date) : [Date];

    private static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    private string RangeText
    {
        get
        {
            var days = AppointmentCalendar.Days(ViewKind, Date);
            var format = Chinese ? "yyyy年M月d日" : "d MMM yyyy";
            return days.Count == 1 ? days[0].ToString(format + " ddd", CultureInfo.CurrentCulture)
                : $"{days[0].ToString(format, CultureInfo.CurrentCulture)} – {days[^1].ToString(format, CultureInfo.CurrentCulture)}";
        }
    }

    private static string DayLabel(DateOnly day) => day.ToString(Chinese ? "M月d日 ddd" : "ddd d MMM", CultureInfo.CurrentCulture);

    private string FocusName => _items is { Count: > 0 } items ? items[0].LeadName : "";

    protected override async Task OnInitializedAsync()
    {
        if (Tenant.IsApex) return;
        _teams = (await ListOptions.HandleAsync(default)).Teams;
        if (RendererInfo.IsInteractive && Tenant.Tenant is { } tenant)
            _subscription = Live.Subscribe(AppointmentEvents.Topic(tenant.Id), _ => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
    }

    protected override Task OnParametersSetAsync() => Tenant.IsApex ? Task.CompletedTask : LoadAsync();

    private async Task LoadAsync()
    {
        if (LeadFocus is { } lead)
        {
            _items = await List.HandleAsync(new AppointmentQuery(LeadId: lead), default);
            return;
        }
        var (from, to) = AppointmentCalendar.Range(ViewKind, Date);
        _items = await List.HandleAsync(new AppointmentQuery(from, to, MineOnly: Mine, TeamId: Guid.TryParse(Team, out var team) ? team : null), default);
    }

    private void Go(DateOnly date, CalendarView? view = null, bool? mine = null, string? team = null) =>
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["view"] = (view ?? ViewKind) == CalendarView.Day ? "day" : "week",
            ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["mine"] = (mine ?? Mine) ? "true" : null,
            ["team"] = team is null ? Team : team.Length == 0 ? null : team,
        }));

    private async Task OpenAsync(AppointmentView appointment)
    {
        var dialog = await Dialogs.ShowAsync<AppointmentDetailDialog>(T["Dialog.Detail"], new DialogParameters<AppointmentDetailDialog> { { d => d.Appointment, appointment } }, Dialog);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: "reschedule" }) await EditAsync(appointment);
        await LoadAsync();
    }

    private async Task EditAsync(AppointmentView appointment)
    {
        var parameters = new DialogParameters<AppointmentEditDialog> { { d => d.Existing, appointment }, { d => d.LeadId, appointment.LeadId }, { d => d.LeadName, appointment.LeadName } };
        await (await Dialogs.ShowAsync<AppointmentEditDialog>(T["Dialog.Reschedule"], parameters, Dialog)).Result;
    }

    private async Task NewAsync()
    {
        var parameters = new DialogParameters<AppointmentEditDialog>();
        if (LeadFocus is { } lead && FocusName.Length > 0) parameters = new() { { d => d.LeadId, lead }, { d => d.LeadName, FocusName } };
        var result = await (await Dialogs.ShowAsync<AppointmentEditDialog>(T["Dialog.New"], parameters, Dialog)).Result;
        if (result is { Canceled: false }) await LoadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
