using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

public abstract class AssignLeadTests(AppHost app)
{
    private Task<Result> AssignAsync(Agency agency, string member, Guid id, string to) =>
        AsAsync(app, agency, member, s => s.Get<AssignLead>().HandleAsync(new AssignLeadRequest(id, to, "客户要求换人"), default));

    [Fact]
    public async Task A_manager_hands_a_pooled_lead_to_a_team_member_who_is_notified_at_once()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.ManagerA.UserId);
        Assert.True((await AsAsync(app, w.Agency, w.ManagerA.UserId, s => s.Get<ReleaseToPool>().HandleAsync(id, default))).Succeeded);
        var told = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = app.Services.GetRequiredService<ILiveEvents>()
            .Subscribe(NotificationEvents.Topic(w.Agency.Id, w.SalesA.UserId), m => { told.TrySetResult(m); return Task.CompletedTask; });

        Assert.True((await AssignAsync(w.Agency, w.ManagerA.UserId, id, w.SalesA.UserId)).Succeeded);

        Assert.Equal("notification", (await told.Task.WaitAsync(TimeSpan.FromSeconds(10))).Kind);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var lead = await db.Leads.SingleAsync(l => l.Id == id);
        var salesTeam = await db.Users.Where(u => u.Id == w.SalesA.UserId).Select(u => u.TeamId).SingleAsync();
        Assert.Equal((LeadStatus.Active, w.SalesA.UserId, salesTeam), (lead.Status, lead.OwnerId, lead.TeamId));
        Assert.True(await db.Notifications.AnyAsync(n => n.UserId == w.SalesA.UserId && n.LeadId == id && n.Kind == NotificationKind.LeadAssigned));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityId == id.ToString() && a.Action == "lead.assigned");
        Assert.Contains(w.SalesA.FullName, Plain(audit.Details));
    }

    [Fact]
    public async Task Only_lead_managers_assign_and_only_to_active_members_of_their_scope()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        await Assert.ThrowsAsync<AccessDeniedException>(() => AssignAsync(w.Agency, w.SalesA.UserId, id, w.SalesA.UserId));
        Assert.Equal(new FieldError("Owner", "Unknown"), Assert.Single((await AssignAsync(w.Agency, w.ManagerA.UserId, id, w.SalesB.UserId)).Errors));
        Assert.True((await AssignAsync(w.Agency, w.Agency.OwnerUserId, id, w.SalesB.UserId)).Succeeded);
        var names = await AsAsync(app, w.Agency, w.ManagerA.UserId, s => s.Get<AssignLead>().ListAssigneesAsync(default));
        Assert.Contains(names, m => m.UserId == w.SalesA.UserId);
        Assert.DoesNotContain(names, m => m.UserId == w.SalesB.UserId);
    }

    [Fact]
    public async Task Leads_outside_the_scope_or_the_agency_are_not_found()
    {
        var w = await WorldAsync(app);
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId);

        Assert.Equal("NotFound", Assert.Single((await AssignAsync(w.Agency, w.ManagerB.UserId, id, w.SalesB.UserId)).Errors).Code);
        Assert.Equal("NotFound", Assert.Single((await AssignAsync(w.Other, w.Other.OwnerUserId, id, w.OtherSales.UserId)).Errors).Code);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(w.SalesA.UserId, (await db.Leads.SingleAsync(l => l.Id == id)).OwnerId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAssignLeadTests(SqliteAppHost app) : AssignLeadTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAssignLeadTests(PostgresAppHost app) : AssignLeadTests(app);
