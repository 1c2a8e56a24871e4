namespace LoanSaaS.Domain.Appointments;

/// <summary>An office or site visit with a lead (邀约上门 / 上门谈单): when, where, who attends, and how it went.</summary>
public sealed class Appointment
{
    public const int MaxPlaceLength = 100;
    public const int MaxNotesLength = 500;
    public const int MaxStaff = 5;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LeadId { get; set; }
    public AppointmentKind Kind { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public required string Place { get; set; }
    public string? Notes { get; set; }
    /// <summary>The members attending (接待/谈单 staff); they are told when it is booked and reminded before it.</summary>
    public List<string> StaffIds { get; set; } = [];
    public int RemindMinutesBefore { get; set; }
    public AppointmentStatus Status { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public string? CheckedInByName { get; set; }
    /// <summary>The follow-up that records how a completed or missed visit went.</summary>
    public Guid? OutcomeFollowUpId { get; set; }
    /// <summary>Set once the reminder went out, so it is sent once across nodes; cleared when the visit is moved.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    public long Version { get; set; }

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);
}
