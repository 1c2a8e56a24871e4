using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Appointments;

/// <summary>
/// Reminds a visit's staff and its lead's owner the chosen time before it starts. Like follow-up reminders, each is
/// claimed by a conditional update in the notifications' transaction, so one node sends it once.
/// </summary>
public sealed class SendAppointmentReminders(TenantDatabaseConnector connector, ILiveEvents live)
{
    public async Task<int> HandleAsync(TenantInfo agency, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
        var horizon = now.AddMinutes(AppointmentRules.ReminderChoices.Max());
        var due = (await db.Appointments.AsNoTracking()
                .Where(a => a.Status == AppointmentStatus.Scheduled && a.ReminderSentAt == null && a.RemindMinutesBefore > 0 && a.StartsAt > now && a.StartsAt <= horizon)
                .ToListAsync(ct))
            .Where(a => AppointmentRules.ReminderAt(a) <= now).ToList();

        var sent = 0;
        foreach (var appointment in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Appointments.Where(a => a.Id == appointment.Id && a.ReminderSentAt == null && a.Status == AppointmentStatus.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ReminderSentAt, now), ct);
            if (claimed != 1) { await tx.RollbackAsync(ct); continue; }
            var notifications = await AppointmentAccess.NotifyAsync(db, appointment, actorId: null, NotificationKind.AppointmentSoon, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            sent += notifications.Count;
            await AppointmentChange.PublishAsync(live, agency.Id, appointment, notifications, ct);
        }
        return sent;
    }
}
