using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Integration.Tests.FollowUps;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Notifications;

/// <summary>Members read and mark only their own notifications; another agency's ids reach nothing.</summary>
public abstract class NotificationTests(AppHost app)
{
    private Task<Agency> AgencyAsync() => app.SharedAsync("notifications", () => app.ProvisionAgencyAsync(TestIds.Slug("notify")));

    private Task<Agency> OtherAgencyAsync() => app.SharedAsync("notifications-other", () => app.ProvisionAgencyAsync(TestIds.Slug("notify-b")));

    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<Notification> NotifyAsync(Agency agency, string userId, string subject)
    {
        await using var db = app.OpenAgencyDb(agency.Info);
        var n = new Notification { UserId = userId, Kind = NotificationKind.FollowUpDue, Subject = subject, LeadId = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow };
        db.Notifications.Add(n);
        await db.SaveChangesAsync();
        return n;
    }

    [Fact]
    public async Task A_member_lists_and_marks_only_their_own_notifications()
    {
        var agency = await AgencyAsync();
        var me = await app.AddAsync(agency, AgencyRole.Sales);
        var colleague = await app.AddAsync(agency, AgencyRole.Sales);
        var first = await NotifyAsync(agency, me.UserId, "甲");
        var second = await NotifyAsync(agency, me.UserId, "乙");
        var theirs = await NotifyAsync(agency, colleague.UserId, "丙");

        await using var scope = await app.MemberScopeAsync(agency.Info, me.UserId);
        var list = await scope.Get<ListNotifications>().HandleAsync(20, Ct);
        Assert.Equal([second.Id, first.Id], list.Items.Select(i => i.Id));
        Assert.Equal(2, list.UnreadCount);

        Assert.Equal(0, await scope.Get<MarkNotificationsRead>().HandleAsync(theirs.Id, Ct));
        Assert.Equal(1, await scope.Get<MarkNotificationsRead>().HandleAsync(first.Id, Ct));
        Assert.Equal(1, (await scope.Get<ListNotifications>().HandleAsync(20, Ct)).UnreadCount);
        Assert.Equal(1, await scope.Get<MarkNotificationsRead>().HandleAsync(null, Ct));

        await using var db = app.OpenAgencyDb(agency.Info);
        Assert.Null((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == theirs.Id)).ReadAt);
        Assert.Equal(0, (await scope.Get<ListNotifications>().HandleAsync(20, Ct)).UnreadCount);
    }

    [Fact]
    public async Task Another_agencys_member_cannot_reach_a_lead_its_follow_ups_or_notifications_by_id()
    {
        var agencyA = await AgencyAsync();
        var agencyB = await OtherAgencyAsync();
        var salesA = await app.AddAsync(agencyA, AgencyRole.Sales);
        var lead = await app.LeadOwnedByAsync(agencyA, salesA.UserId);
        await using (var scope = await app.MemberScopeAsync(agencyA.Info, salesA.UserId))
            Assert.True((await scope.Get<LogFollowUp>().HandleAsync(new(lead.Id, FollowUpChannel.Phone, "A 的跟进", FollowUpOutcome.CallBack, null), Ct)).Succeeded);
        var notification = await NotifyAsync(agencyA, salesA.UserId, lead.Name);

        // Agency B's owner sees everything in B, and nothing of A.
        await using var ownerB = await app.OwnerScopeAsync(agencyB);
        var logged = await ownerB.Get<LogFollowUp>().HandleAsync(new(lead.Id, FollowUpChannel.Phone, "越界", FollowUpOutcome.CallBack, null), Ct);
        Assert.Equal("NotFound", Assert.Single(logged.Errors).Code);
        Assert.Null(await ownerB.Get<ListFollowUps>().HandleAsync(lead.Id, Ct));
        Assert.Empty(await ownerB.Get<FindLeadsForQuickAdd>().HandleAsync(lead.Mobile, Ct));
        Assert.DoesNotContain((await ownerB.Get<ListNotifications>().HandleAsync(100, Ct)).Items, n => n.Subject == lead.Name);
        await ownerB.Get<MarkNotificationsRead>().HandleAsync(notification.Id, Ct);
        await ownerB.Get<MarkNotificationsRead>().HandleAsync(null, Ct);

        await using var db = app.OpenAgencyDb(agencyA.Info);
        Assert.Null((await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == notification.Id)).ReadAt);
        Assert.Equal(1, await db.FollowUps.CountAsync(f => f.LeadId == lead.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteNotificationTests(SqliteAppHost app) : NotificationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresNotificationTests(PostgresAppHost app) : NotificationTests(app);
