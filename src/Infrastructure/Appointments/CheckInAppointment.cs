using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;

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
        var opened = await AppointmentChange.OpenAsync(db, user, appointmentId, version, ct);
        if (opened.Value is not { } appointment) return Result<Guid>.Fail(opened.Errors);
        if (!AppointmentRules.CanCheckIn(appointment, now)) return Result<Guid>.Fail("Appointment", "NotChangeable");

        appointment.Status = AppointmentStatus.Arrived;
        appointment.ArrivedAt = now;
        appointment.CheckedInByName = user.FullName;
        appointment.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "appointment.arrived", "lead", appointment.LeadId.ToString(),
            new { appointment = appointment.Id, startsAt = appointment.StartsAt, place = appointment.Place });
        var notifications = await AppointmentAccess.NotifyAsync(db, appointment, user.UserId, NotificationKind.VisitorArrived, now, ct);
        return await AppointmentChange.CommitAsync(db, live, tenant.Required.Id, appointment, notifications, appointment.Id, ct);
    }
}
