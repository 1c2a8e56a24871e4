using System.Globalization;
using LoanSaaS.Domain.Dashboard;
using LoanSaaS.Infrastructure.Dashboard;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.Leads;
using LoanSaaS.Web.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Dashboard;

/// <summary>
/// The live manager dashboard: numbers of the chosen period re-read (at most every half second) whenever a lead is
/// captured, changed, followed up or moved, or a visit changes; each number links to the list or board behind it.
/// </summary>
public partial class DashboardPage : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    [Inject] private GetDashboard GetDashboard { get; set; } = default!;
    [Inject] private ILiveEvents Live { get; set; } = default!;
    [Inject] private TenantContext Tenant { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IStringLocalizer<DashboardText> T { get; set; } = default!;

    private DashboardView? _view;
    private DashboardPeriod _period = DashboardPeriod.Today;
    private string? _team;
    private IDisposable? _subscription;
    private IDisposable? _visits;
    private Coalescer? _reload;

    private Guid? TeamId => Guid.TryParse(_team, out var team) ? team : null;

    private string BoardUrl => _view?.BoardId is { } board ? $"/boards/{board}" : "/boards";

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (RendererInfo.IsInteractive && Tenant.Tenant is { } tenant)
        {
            // An import publishes every batch: bursts are coalesced into one reload.
            var reload = _reload = new Coalescer(Time, Debounce, InvokeAsync, async () => { await LoadAsync(); StateHasChanged(); });
            _subscription = Live.Subscribe(LeadEvents.Topic(tenant.Id), _ => InvokeAsync(reload.Request));
            _visits = Live.Subscribe(Infrastructure.Appointments.AppointmentEvents.Topic(tenant.Id), _ => InvokeAsync(reload.Request));
        }
    }

    private async Task LoadAsync() => _view = await GetDashboard.HandleAsync(new DashboardQuery(_period, TeamId), default);

    private async Task PeriodChangedAsync(DashboardPeriod period)
    {
        _period = period;
        await LoadAsync();
    }

    private async Task TeamChangedAsync(string? team)
    {
        _team = team;
        await LoadAsync();
    }

    private string LeadsUrl(string? owner = null, string? source = null) =>
        _view is null ? "/leads" : LeadListFilter.Url("/leads", _view.From, _view.To, owner, TeamId, source);

    private string FollowUpsUrl(string? author = null) => _view is null ? "/followups"
        : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/followups", new Dictionary<string, string?>
        {
            ["from"] = _view.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = _view.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["author"] = author, ["team"] = TeamId?.ToString(),
        }.Where(q => q.Value is not null));

    /// <summary>The calendar of the period: today's day, else the week of its first day (a month opens on its first week).</summary>
    private string AppointmentsUrl => _view is null ? "/appointments"
        : $"/appointments?view={(_period == DashboardPeriod.Today ? "day" : "week")}&date={_view.From:yyyy-MM-dd}";

    private string Split(NewLeadSplit split) => string.Join(" · ",
        new[] { ("Split.Open", split.Open), ("Split.Pool", split.Pool), ("Split.Customers", split.Customers), ("Split.Blacklisted", split.Blacklisted) }
            .Where(p => p.Item2 > 0 || p.Item1 == "Split.Open").Select(p => T[p.Item1, p.Item2].Value));

    private static string Percent(int value, int of) => (100.0 * value / of).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public void Dispose()
    {
        _subscription?.Dispose();
        _visits?.Dispose();
        _reload?.Dispose();
        GC.SuppressFinalize(this);
    }
}
