using LoanSaaS.Domain.Appointments;

namespace LoanSaaS.Infrastructure.Appointments;

public sealed record AppointmentStaff(string UserId, string Name);

/// <summary>What the member may do with a visit now.</summary>
public sealed record AppointmentActions(bool Reschedule, bool Cancel, bool CheckIn, bool RecordOutcome, bool RecordNoShow);

/// <summary>A visit as a calendar or a lead page shows it: the lead's mobile masked, nothing else personal.</summary>
public sealed record AppointmentView(
    Guid Id, Guid LeadId, string LeadName, string LeadNumber, string? MobileMasked, string? OwnerName, AppointmentKind Kind,
    DateTimeOffset StartsAt, int DurationMinutes, string Place, string? Notes, IReadOnlyList<AppointmentStaff> Staff, int RemindMinutesBefore,
    AppointmentStatus Status, DateTimeOffset? ArrivedAt, string? CheckedInByName, string CreatedByName, long Version, AppointmentActions Can)
{
    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
}
