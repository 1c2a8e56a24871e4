using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Appointments;

/// <summary>Live topic of an agency's visits (ids only): open calendars and lead pages re-read what their viewer may see.</summary>
public static class AppointmentEvents
{
    public static LiveTopic Topic(Guid tenantId) => new(tenantId, "appointments");

    public static LiveMessage Changed(Guid appointmentId, Guid leadId) =>
        new("changed", new Dictionary<string, string> { ["appointment"] = appointmentId.ToString(), ["lead"] = leadId.ToString() });
}
