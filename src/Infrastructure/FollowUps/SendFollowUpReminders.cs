using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.FollowUps;

/// <summary>
/// Tells each lead's owner when a follow-up falls due. The reminder sweep runs this (<see cref="SendReminders"/>, <see cref="ReminderSweep"/>); a reminder is
/// claimed by a conditional update (ReminderSentAt still empty) in the same transaction as its notification, so exactly one node sends it.
/// </summary>
public sealed class SendFollowUpReminders(TenantDatabaseConnector connector, ILiveEvents live)
{
    public const int BatchSize = 200;

    public async Task<int> HandleAsync(TenantInfo agency, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
        var due = await (from f in db.FollowUps.AsNoTracking()
                         join l in db.Leads on f.LeadId equals l.Id
                         where f.NextAt <= now && !f.IsClosed && f.ReminderSentAt == null
                         orderby f.NextAt
                         select new { f.Id, LeadId = l.Id, l.Name, l.OwnerId, l.Status })
            .Take(BatchSize).ToListAsync(ct);

        var sent = 0;
        foreach (var item in due)
        {
            var ownerId = item.Status is LeadStatus.Active or LeadStatus.PublicPool ? item.OwnerId : null;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.FollowUps.Where(f => f.Id == item.Id && f.ReminderSentAt == null && !f.IsClosed)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ReminderSentAt, now), ct);
            if (claimed != 1) { await tx.RollbackAsync(ct); continue; }
            // A lead without an owner (pooled) or closed has nobody to remind: the claim alone retires the reminder.
            Notification? notification = null;
            if (ownerId is not null)
            {
                notification = new Notification { UserId = ownerId, Kind = NotificationKind.FollowUpDue, LeadId = item.LeadId, Subject = item.Name, CreatedAt = now };
                db.Notifications.Add(notification);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            if (notification is null) continue;
            sent++;
            await live.PublishAsync(NotificationEvents.Topic(agency.Id, notification.UserId), NotificationEvents.Created(notification.Id), ct);
        }
        return sent;
    }
}
