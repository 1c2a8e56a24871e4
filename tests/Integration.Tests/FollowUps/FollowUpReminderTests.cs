using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.FollowUps;

/// <summary>Due follow-ups notify the lead's owner once, however many nodes scan at the same moment.</summary>
public abstract class FollowUpReminderTests(AppHost app)
{
    private Task<Agency> AgencyAsync() => app.SharedAsync("followup-reminders", () => app.ProvisionAgencyAsync(TestIds.Slug("reminders")));

    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<int> ScanAsync(Agency agency, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendFollowUpReminders>().HandleAsync(agency.Info, now, Ct);
    }

    [Fact]
    public async Task Two_nodes_scanning_at_once_send_one_notification_to_the_owner()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        var lead = await app.LeadOwnedByAsync(agency, sales.UserId);
        var loggedAt = DateTimeOffset.UtcNow.AddHours(-2);
        Guid followUpId;
        await using (var scope = await app.MemberScopeAsync(agency.Info, sales.UserId))
        {
            var logged = await scope.LogAt(loggedAt).HandleAsync(new(lead.Id, FollowUpChannel.Phone, "一小时后回电", FollowUpOutcome.CallBack, loggedAt.AddHours(1)), Ct);
            Assert.True(logged.Succeeded);
            followUpId = logged.Value;
        }

        var now = DateTimeOffset.UtcNow;
        var sent = await Task.WhenAll(ScanAsync(agency, now), ScanAsync(agency, now));
        var again = await ScanAsync(agency, now);

        Assert.True(sent.Sum() <= 1);
        Assert.Equal(0, again);
        await using var db = app.OpenAgencyDb(agency.Info);
        var notification = Assert.Single(await db.Notifications.AsNoTracking().Where(n => n.LeadId == lead.Id).ToListAsync());
        Assert.Equal((sales.UserId, NotificationKind.FollowUpDue, lead.Name), (notification.UserId, notification.Kind, notification.Subject));
        Assert.NotNull((await db.FollowUps.AsNoTracking().SingleAsync(f => f.Id == followUpId)).ReminderSentAt);
    }

    [Fact]
    public async Task A_closed_or_not_yet_due_follow_up_sends_no_reminder()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        var lead = await app.LeadOwnedByAsync(agency, sales.UserId);
        var loggedAt = DateTimeOffset.UtcNow.AddHours(-3);
        await using (var scope = await app.MemberScopeAsync(agency.Info, sales.UserId))
        {
            var log = scope.LogAt(loggedAt);
            Assert.True((await log.HandleAsync(new(lead.Id, FollowUpChannel.Phone, "先约", FollowUpOutcome.CallBack, loggedAt.AddHours(1)), Ct)).Succeeded);
            // The next contact happened before the first reminder went out: that reminder is closed.
            Assert.True((await log.HandleAsync(new(lead.Id, FollowUpChannel.WeChat, "再约", FollowUpOutcome.CallBack, loggedAt.AddDays(2)), Ct)).Succeeded);
        }

        await ScanAsync(agency, DateTimeOffset.UtcNow);

        await using var db = app.OpenAgencyDb(agency.Info);
        Assert.False(await db.Notifications.AnyAsync(n => n.LeadId == lead.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFollowUpReminderTests(SqliteAppHost app) : FollowUpReminderTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFollowUpReminderTests(PostgresAppHost app) : FollowUpReminderTests(app);
