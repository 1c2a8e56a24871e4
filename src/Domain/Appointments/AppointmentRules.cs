namespace LoanSaaS.Domain.Appointments;

/// <summary>What a booking must look like and which steps each state allows.</summary>
public static class AppointmentRules
{
    public static readonly IReadOnlyList<int> Durations = [30, 60, 90, 120, 180];
    public static readonly IReadOnlyList<int> ReminderChoices = [0, 15, 30, 60, 120, 1440];
    /// <summary>Far enough ahead for any real booking; further is almost always a typo in the year.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(180);

    /// <returns>(field, code) pairs; empty when the booking is valid.</returns>
    public static IReadOnlyList<(string Field, string Code)> Check(
        AppointmentKind kind, DateTimeOffset startsAt, int durationMinutes, string? place, string? notes, IReadOnlyCollection<string> staffIds, int remindMinutesBefore, DateTimeOffset now)
    {
        var errors = new List<(string, string)>();
        if (!Enum.IsDefined(kind)) errors.Add(("Kind", "Invalid"));
        if (startsAt <= now) errors.Add(("StartsAt", "InPast"));
        else if (startsAt - now > Horizon) errors.Add(("StartsAt", "TooFar"));
        if (!Durations.Contains(durationMinutes)) errors.Add(("DurationMinutes", "Invalid"));
        if (string.IsNullOrWhiteSpace(place)) errors.Add(("Place", "Required"));
        else if (place.Trim().Length > Appointment.MaxPlaceLength) errors.Add(("Place", "TooLong"));
        if (notes?.Trim().Length > Appointment.MaxNotesLength) errors.Add(("Notes", "TooLong"));
        if (staffIds.Count == 0) errors.Add(("StaffIds", "Required"));
        else if (staffIds.Count > Appointment.MaxStaff) errors.Add(("StaffIds", "TooMany"));
        if (!ReminderChoices.Contains(remindMinutesBefore)) errors.Add(("RemindMinutesBefore", "Invalid"));
        return errors;
    }

    public static bool CanReschedule(Appointment a) => a.Status == AppointmentStatus.Scheduled;

    public static bool CanCancel(Appointment a) => a.Status == AppointmentStatus.Scheduled;

    /// <summary>Reception marks arrival on the day: from two hours before the start until the day is over.</summary>
    public static bool CanCheckIn(Appointment a, DateTimeOffset now) =>
        a.Status == AppointmentStatus.Scheduled && now >= a.StartsAt.AddHours(-2) && Time.Shanghai.DateOf(now) <= Time.Shanghai.DateOf(a.StartsAt);

    /// <summary>The outcome is recorded once the visit has started (or the customer arrived).</summary>
    public static bool CanRecordOutcome(Appointment a, DateTimeOffset now) =>
        a.Status == AppointmentStatus.Arrived || (a.Status == AppointmentStatus.Scheduled && now >= a.StartsAt);

    /// <summary>A customer who checked in did come: only a visit nobody checked in can be recorded as missed.</summary>
    public static bool CanRecordNoShow(Appointment a, DateTimeOffset now) => a.Status == AppointmentStatus.Scheduled && now >= a.StartsAt;

    /// <summary>When the reminder is due; null when none was asked for.</summary>
    public static DateTimeOffset? ReminderAt(Appointment a) => a.RemindMinutesBefore > 0 ? a.StartsAt.AddMinutes(-a.RemindMinutesBefore) : null;

    public static bool Overlaps(Appointment a, DateTimeOffset startsAt, int durationMinutes) =>
        a.StartsAt < startsAt.AddMinutes(durationMinutes) && startsAt < a.EndsAt;
}
