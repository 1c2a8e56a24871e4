using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Appointments;

/// <summary>After a visit changed: calendars, the lead's activity and the told members' bells, live.</summary>
internal static class AppointmentNews
{
    public static async Task PublishAsync(ILiveEvents live, Guid tenantId, Appointment appointment, IEnumerable<Notification> notifications, CancellationToken ct)
    {
        await live.PublishAsync(AppointmentEvents.Topic(tenantId), AppointmentEvents.Changed(appointment.Id, appointment.LeadId), ct);
        await live.PublishAsync(LeadEvents.Topic(tenantId), LeadEvents.Activity(appointment.LeadId), ct);
        foreach (var notification in notifications)
            await live.PublishAsync(NotificationEvents.Topic(tenantId, notification.UserId), NotificationEvents.Created(notification.Id), ct);
    }
}
