using Bunit;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Web.FollowUps;
using LoanSaaS.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Web.Tests.FollowUps;

/// <summary>The follow-up form shows the use case's validation in Chinese and keeps what was typed.</summary>
public sealed class FollowUpFormTests : WebTestContext
{
    private readonly List<Guid> _saved = [];

    public FollowUpFormTests()
    {
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<TenantContext>();
        Services.AddSingleton<ICurrentUserAccessor, SignedIn>();
        Services.AddSingleton<ITenantDbContextFactory, NoDatabase>();
        Services.AddSingleton<ILiveEvents, NoLiveEvents>();
        Services.AddScoped<LogFollowUp>();
    }

    private IRenderedComponent<FollowUpForm> RenderForm(Guid? leadId) =>
        Render<FollowUpForm>(p => p.Add(x => x.LeadId, leadId).Add(x => x.Saved, (Guid id) => _saved.Add(id)));

    // MudTextField puts the test id on the input; its error shows in the helper line below.
    private static List<string> FieldErrors(IRenderedComponent<FollowUpForm> form) =>
        form.FindAll(".mud-input-helper-text.mud-input-error .me-auto").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public void Saving_without_content_says_so_in_Chinese()
    {
        var form = RenderForm(Guid.NewGuid());

        form.Find("[data-testid=followup-save]").Click();

        form.WaitForAssertion(() => Assert.Equal(["请填写跟进内容"], FieldErrors(form)));
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_next_time_in_the_past_is_refused()
    {
        var form = RenderForm(Guid.NewGuid());
        form.Find("textarea[data-testid=followup-content]").Input("客户说下周再联系");
        form.Find("input[data-testid=followup-next]").Change("2020-01-01T10:00");

        form.Find("[data-testid=followup-save]").Click();

        form.WaitForAssertion(() => Assert.Equal(["下次跟进时间必须晚于现在"], FieldErrors(form)));
        Assert.Empty(_saved);
    }

    [Fact]
    public void The_quick_add_form_asks_for_a_lead_first()
    {
        var form = RenderForm(null);

        form.Find("[data-testid=followup-save]").Click();

        Assert.Contains("请先选择要跟进的线索", form.Find("[data-testid=followup-error]").TextContent);
    }

    private sealed class SignedIn : ICurrentUserAccessor
    {
        public Task<CurrentUser?> GetAsync(CancellationToken ct = default) =>
            Task.FromResult<CurrentUser?>(new CurrentUser("u1", "刘洋", AgencyRole.Sales, DataScope.Own, null, Permission.RevealPersonalData));
    }

    /// <summary>Validation answers before any database work; reaching one would fail the test.</summary>
    private sealed class NoDatabase : ITenantDbContextFactory
    {
        public AgencyDbContext Create() => throw new InvalidOperationException("No database in component tests.");

        public AgencyDbContext Create(TenantInfo tenant) => Create();
    }

    private sealed class NoLiveEvents : ILiveEvents
    {
        public Task PublishAsync(LiveTopic topic, LiveMessage message, CancellationToken ct = default) => Task.CompletedTask;

        public IDisposable Subscribe(LiveTopic topic, Func<LiveMessage, Task> handler) => new Nothing();

        private sealed class Nothing : IDisposable
        {
            public void Dispose() { }
        }
    }
}
