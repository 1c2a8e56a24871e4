using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Appointments;

/// <summary>
/// Reception marks that the customer has arrived (到访签到): the lead's owner and the visit's staff are notified at
/// once, live. Refusals: Appointment.NotFound / NotChangeable (not booked, or not on the day), ChangedByOthers.
/// </summary>
public sealed class CheckInAppointment(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(Guid appointmentId, long version, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var now = time.GetUtcNow();
        await using var db = contexts.Create();
        var appointment = await AppointmentAccess.FindAsync(db, user, appointmentId, ct);
        if (appointment is null) return Result<Guid>.Fail("Appointment", "NotFound");
        if (appointment.Version != version) return Result<Guid>.Fail("", "ChangedByOthers");
        if (!AppointmentRules.CanCheckIn(appointment, now)) return Result<Guid>.Fail("Appointment", "NotChangeable");

        appointment.Status = AppointmentStatus.Arrived;
        appointment.ArrivedAt = now;
        appointment.CheckedInByName = user.FullName;
        appointment.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "appointment.arrived", "lead", appointment.LeadId.ToString(),
            new { appointment = appointment.Id, startsAt = appointment.StartsAt, place = appointment.Place });
        var notifications = await AppointmentAccess.NotifyAsync(db, appointment, user.UserId, NotificationKind.VisitorArrived, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Fail("", "ChangedByOthers");
        }
        await AppointmentNews.PublishAsync(live, tenant.Required.Id, appointment, notifications, ct);
        return Result<Guid>.Ok(appointment.Id);
    }
}
