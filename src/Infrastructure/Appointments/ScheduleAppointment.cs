using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Appointments;

/// <param name="AppointmentId">Null to book a new visit; else the visit to move, at <see cref="Version"/>.</param>
public sealed record ScheduleAppointmentRequest(
    Guid? AppointmentId, long Version, Guid LeadId, AppointmentKind Kind, DateTimeOffset StartsAt, int DurationMinutes, string? Place, string? Notes,
    IReadOnlyList<string> StaffIds, int RemindMinutesBefore);

/// <summary>
/// Books a visit with a lead the member may see, or moves one still to come: active colleagues attend, none of them
/// already booked at that time. The staff and the lead's owner are told live; the lead's timeline shows it.
/// Refusals: Lead.NotFound / Closed, the booking's field codes (<see cref="AppointmentRules.Check"/>), StaffIds.Invalid / Busy,
/// Appointment.NotFound / NotChangeable / ChangedByOthers.
/// </summary>
public sealed class ScheduleAppointment(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(ScheduleAppointmentRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var now = time.GetUtcNow();
        var staffIds = request.StaffIds.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
        var errors = AppointmentRules.Check(request.Kind, request.StartsAt, request.DurationMinutes, request.Place, request.Notes, staffIds, request.RemindMinutesBefore, now);
        if (errors.Count > 0) return Result<Guid>.Fail(errors.Select(e => new FieldError(e.Field, e.Code)).ToList());

        await using var db = contexts.Create();
        Appointment? appointment = null;
        if (request.AppointmentId is { } id)
        {
            var opened = await AppointmentChange.OpenAsync(db, user, id, request.Version, ct);
            appointment = opened.Value;
            if (appointment is null) return Result<Guid>.Fail(opened.Errors);
            if (appointment.LeadId != request.LeadId) return Result<Guid>.Fail("Appointment", "NotFound");
            if (!AppointmentRules.CanReschedule(appointment)) return Result<Guid>.Fail("Appointment", "NotChangeable");
        }
        var lead = appointment is null
            ? await db.Leads.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(l => l.Id == request.LeadId, ct)
            : await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == request.LeadId, ct);
        if (lead is null) return Result<Guid>.Fail([LeadDetailAccess.NotFound]);
        if (lead.Status is LeadStatus.Merged or LeadStatus.Blacklisted) return Result<Guid>.Fail("Lead", "Closed");

        var active = await db.Users.Where(u => staffIds.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        if (active.Count != staffIds.Count) return Result<Guid>.Fail("StaffIds", "Invalid");
        if (await BusyAsync(db, staffIds, request, ct)) return Result<Guid>.Fail("StaffIds", "Busy");

        var place = request.Place!.Trim();
        var notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        if (appointment is null)
        {
            appointment = new Appointment { LeadId = lead.Id, Place = place, CreatedById = user.UserId, CreatedByName = user.FullName, CreatedAt = now };
            db.Appointments.Add(appointment);
        }
        appointment.Kind = request.Kind;
        appointment.StartsAt = request.StartsAt.ToUniversalTime();
        appointment.DurationMinutes = request.DurationMinutes;
        appointment.Place = place;
        appointment.Notes = notes;
        appointment.StaffIds = staffIds;
        appointment.RemindMinutesBefore = request.RemindMinutesBefore;
        appointment.ReminderSentAt = null;
        appointment.Version++;

        var action = request.AppointmentId is null ? "appointment.scheduled" : "appointment.rescheduled";
        audit.Add(db, new AuditActor(user.UserId, user.FullName), action, "lead", lead.Id.ToString(), new
        {
            appointment = appointment.Id, kind = appointment.Kind.ToString(), startsAt = appointment.StartsAt, minutes = appointment.DurationMinutes, place,
        });
        var notifications = await AppointmentAccess.NotifyAsync(db, appointment, user.UserId, NotificationKind.AppointmentBooked, now, ct);
        return await AppointmentChange.CommitAsync(db, live, tenant.Required.Id, appointment, notifications, appointment.Id, ct);
    }

    /// <summary>Another visit still on (booked or in progress) overlapping this one, with one of the same staff.</summary>
    private static async Task<bool> BusyAsync(AgencyDbContext db, List<string> staffIds, ScheduleAppointmentRequest request, CancellationToken ct)
    {
        var from = request.StartsAt.AddHours(-12);
        var to = request.StartsAt.AddMinutes(request.DurationMinutes);
        var around = await db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt > from && a.StartsAt < to && a.Id != request.AppointmentId
                && (a.Status == AppointmentStatus.Scheduled || a.Status == AppointmentStatus.Arrived))
            .ToListAsync(ct);
        return around.Any(a => AppointmentRules.Overlaps(a, request.StartsAt, request.DurationMinutes) && a.StaffIds.Intersect(staffIds).Any());
    }
}
