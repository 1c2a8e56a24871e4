using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Appointments;

/// <summary>The steps every change of a visit shares: open it at the version the member saw; save; announce.</summary>
internal static class AppointmentChange
{
    public static async Task<Result<Appointment>> OpenAsync(AgencyDbContext db, CurrentUser user, Guid id, long version, CancellationToken ct)
    {
        var appointment = await AppointmentAccess.FindAsync(db, user, id, ct);
        if (appointment is null) return Result<Appointment>.Fail("Appointment", "NotFound");
        return appointment.Version == version ? Result<Appointment>.Ok(appointment) : Result<Appointment>.Fail("", "ChangedByOthers");
    }

    /// <summary>Saves (a concurrent change of the visit is refused as ChangedByOthers) and, once committed, announces it.</summary>
    public static async Task<Result<Guid>> CommitAsync(
        AgencyDbContext db, ILiveEvents live, Guid tenantId, Appointment appointment, IReadOnlyList<Notification> notifications, Guid answer, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Guid>.Fail("", "ChangedByOthers");
        }
        await PublishAsync(live, tenantId, appointment, notifications, ct);
        return Result<Guid>.Ok(answer);
    }

    /// <summary>Calendars, the lead's activity and the told members' bells, live.</summary>
    public static async Task PublishAsync(ILiveEvents live, Guid tenantId, Appointment appointment, IEnumerable<Notification> notifications, CancellationToken ct)
    {
        await live.PublishAsync(AppointmentEvents.Topic(tenantId), AppointmentEvents.Changed(appointment.Id, appointment.LeadId), ct);
        await live.PublishAsync(LeadEvents.Topic(tenantId), LeadEvents.Activity(appointment.LeadId), ct);
        foreach (var notification in notifications)
            await live.PublishAsync(NotificationEvents.Topic(tenantId, notification.UserId), NotificationEvents.Created(notification.Id), ct);
    }
}
