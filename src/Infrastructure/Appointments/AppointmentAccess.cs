using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Appointments;

/// <summary>
/// Who may see and act on a visit: whoever may see its lead, and the staff attending it (a colleague from another
/// team brought in to 谈单 sees the visit, not the rest of the lead's file).
/// </summary>
internal static class AppointmentAccess
{
    public static async Task<Appointment?> FindAsync(AgencyDbContext db, CurrentUser user, Guid id, CancellationToken ct)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appointment is null) return null;
        return appointment.StaffIds.Contains(user.UserId) || await db.Leads.VisibleTo(user).AnyAsync(l => l.Id == appointment.LeadId, ct) ? appointment : null;
    }

    /// <summary>Adds a notification for each member concerned by a visit: its lead's owner and its staff, not the member who acted.</summary>
    public static async Task<List<Notification>> NotifyAsync(AgencyDbContext db, Appointment appointment, string? actorId, NotificationKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == appointment.LeadId).Select(l => new { l.OwnerId, l.Name }).FirstAsync(ct);
        var notifications = appointment.StaffIds.Append(lead.OwnerId).OfType<string>().Where(id => id != actorId).Distinct()
            .Select(id => new Notification { UserId = id, Kind = kind, LeadId = appointment.LeadId, Subject = lead.Name, CreatedAt = now }).ToList();
        db.Notifications.AddRange(notifications);
        return notifications;
    }
}
