using LoanSaaS.Domain.Appointments;

namespace LoanSaaS.Domain.Tests.Appointments;

public sealed class AppointmentRulesTests
{
    // 2026-12-07 10:00 in Shanghai.
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static Appointment Visit(DateTimeOffset startsAt, AppointmentStatus status = AppointmentStatus.Scheduled, int remind = 30) => new()
    {
        LeadId = Guid.NewGuid(), Place = "总部", StartsAt = startsAt, DurationMinutes = 60, Status = status, RemindMinutesBefore = remind,
        CreatedById = "u1", CreatedByName = "孙丽", StaffIds = ["u1"],
    };

    private static IReadOnlyList<string> Check(DateTimeOffset startsAt, int minutes = 60, string? place = "总部", string? notes = null, string[]? staff = null, int remind = 30) =>
        AppointmentRules.Check(AppointmentKind.OfficeVisit, startsAt, minutes, place, notes, staff ?? ["u1"], remind, Now).Select(e => $"{e.Field}.{e.Code}").ToList();

    [Fact]
    public void A_booking_needs_a_future_time_within_half_a_year_a_known_duration_a_place_staff_and_a_known_reminder()
    {
        Assert.Empty(Check(Now.AddHours(1)));
        Assert.Equal(["StartsAt.InPast"], Check(Now));
        Assert.Equal(["StartsAt.TooFar"], Check(Now.AddDays(181)));
        Assert.Equal(["DurationMinutes.Invalid"], Check(Now.AddHours(1), minutes: 45));
        Assert.Equal(["Place.Required"], Check(Now.AddHours(1), place: "  "));
        Assert.Equal(["Place.TooLong"], Check(Now.AddHours(1), place: new string('址', 101)));
        Assert.Equal(["Notes.TooLong"], Check(Now.AddHours(1), notes: new string('注', 501)));
        Assert.Equal(["StaffIds.Required"], Check(Now.AddHours(1), staff: []));
        Assert.Equal(["StaffIds.TooMany"], Check(Now.AddHours(1), staff: ["a", "b", "c", "d", "e", "f"]));
        Assert.Equal(["RemindMinutesBefore.Invalid"], Check(Now.AddHours(1), remind: 45));
    }

    [Fact]
    public void Reception_checks_in_from_two_hours_before_until_the_end_of_the_visits_day_in_Shanghai()
    {
        Assert.False(AppointmentRules.CanCheckIn(Visit(Now.AddHours(3)), Now));
        Assert.True(AppointmentRules.CanCheckIn(Visit(Now.AddHours(2)), Now));
        Assert.True(AppointmentRules.CanCheckIn(Visit(Now.AddHours(-9)), Now));
        // Booked for yesterday 18:00 Shanghai: the day is over.
        Assert.False(AppointmentRules.CanCheckIn(Visit(Now.AddHours(-16)), Now));
        Assert.False(AppointmentRules.CanCheckIn(Visit(Now, AppointmentStatus.Cancelled), Now));
        Assert.False(AppointmentRules.CanCheckIn(Visit(Now, AppointmentStatus.Arrived), Now));
    }

    [Fact]
    public void The_outcome_comes_after_arrival_or_the_start_and_only_a_visit_nobody_checked_in_can_be_missed()
    {
        Assert.False(AppointmentRules.CanRecordOutcome(Visit(Now.AddMinutes(5)), Now));
        Assert.True(AppointmentRules.CanRecordOutcome(Visit(Now.AddMinutes(5), AppointmentStatus.Arrived), Now));
        Assert.True(AppointmentRules.CanRecordOutcome(Visit(Now.AddMinutes(-5)), Now));
        Assert.False(AppointmentRules.CanRecordOutcome(Visit(Now.AddMinutes(-5), AppointmentStatus.Completed), Now));
        Assert.True(AppointmentRules.CanRecordNoShow(Visit(Now.AddMinutes(-5)), Now));
        Assert.False(AppointmentRules.CanRecordNoShow(Visit(Now.AddMinutes(-5), AppointmentStatus.Arrived), Now));
        Assert.True(AppointmentRules.CanReschedule(Visit(Now)) && AppointmentRules.CanCancel(Visit(Now)));
        Assert.False(AppointmentRules.CanReschedule(Visit(Now, AppointmentStatus.NoShow)) || AppointmentRules.CanCancel(Visit(Now, AppointmentStatus.Arrived)));
    }

    [Fact]
    public void Reminders_and_overlaps()
    {
        Assert.Equal(Now.AddMinutes(-30), AppointmentRules.ReminderAt(Visit(Now)));
        Assert.Null(AppointmentRules.ReminderAt(Visit(Now, remind: 0)));
        var visit = Visit(Now);
        Assert.True(AppointmentRules.Overlaps(visit, Now.AddMinutes(59), 30));
        Assert.True(AppointmentRules.Overlaps(visit, Now.AddMinutes(-30), 31));
        Assert.False(AppointmentRules.Overlaps(visit, Now.AddMinutes(60), 30));
        Assert.False(AppointmentRules.Overlaps(visit, Now.AddMinutes(-30), 30));
    }

    [Fact]
    public void A_week_runs_Monday_to_Sunday_in_Shanghai_and_pages_by_a_day_or_a_week()
    {
        var sunday = new DateOnly(2026, 12, 13);
        var week = AppointmentCalendar.Days(CalendarView.Week, sunday);
        Assert.Equal((new DateOnly(2026, 12, 7), sunday, 7), (week[0], week[^1], week.Count));
        Assert.Equal([sunday], AppointmentCalendar.Days(CalendarView.Day, sunday));
        var (from, to) = AppointmentCalendar.Range(CalendarView.Week, sunday);
        Assert.Equal((new DateTimeOffset(2026, 12, 6, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 13, 16, 0, 0, TimeSpan.Zero)), (from, to));
        Assert.Equal(new DateOnly(2026, 12, 20), AppointmentCalendar.Step(CalendarView.Week, sunday, 1));
        Assert.Equal(new DateOnly(2026, 12, 12), AppointmentCalendar.Step(CalendarView.Day, sunday, -1));
    }
}
