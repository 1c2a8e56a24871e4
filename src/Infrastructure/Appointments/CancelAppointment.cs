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

public sealed record CancelAppointmentRequest(Guid AppointmentId, long Version, string? Reason);

/// <summary>Calls off a visit still to come; its staff and the lead's owner are told. Refusals: Appointment.NotFound / NotChangeable, ChangedByOthers, Reason.TooLong.</summary>
public sealed class CancelAppointment(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(CancelAppointmentRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason?.Length > Appointment.MaxNotesLength) return Result<Guid>.Fail("Reason", "TooLong");
        await using var db = contexts.Create();
        var opened = await AppointmentChange.OpenAsync(db, user, request.AppointmentId, request.Version, ct);
        if (opened.Value is not { } appointment) return Result<Guid>.Fail(opened.Errors);
        if (!AppointmentRules.CanCancel(appointment)) return Result<Guid>.Fail("Appointment", "NotChangeable");

        appointment.Status = AppointmentStatus.Cancelled;
        appointment.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "appointment.cancelled", "lead", appointment.LeadId.ToString(),
            new { appointment = appointment.Id, startsAt = appointment.StartsAt, reason });
        var notifications = await AppointmentAccess.NotifyAsync(db, appointment, user.UserId, NotificationKind.AppointmentCancelled, time.GetUtcNow(), ct);
        return await AppointmentChange.CommitAsync(db, live, tenant.Required.Id, appointment, notifications, appointment.Id, ct);
    }
}
