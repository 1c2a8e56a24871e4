using LoanSaaS.Domain.Time;

namespace LoanSaaS.Domain.Appointments;

public enum CalendarView
{
    Day,
    Week,
}

/// <summary>The days a calendar page shows, in Shanghai: one day, or the Monday-to-Sunday week around a date.</summary>
public static class AppointmentCalendar
{
    public static IReadOnlyList<DateOnly> Days(CalendarView view, DateOnly date)
    {
        if (view == CalendarView.Day) return [date];
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return Enumerable.Range(0, 7).Select(monday.AddDays).ToList();
    }

    /// <returns>The UTC instants [from, to) the view covers.</returns>
    public static (DateTimeOffset From, DateTimeOffset To) Range(CalendarView view, DateOnly date)
    {
        var days = Days(view, date);
        return (Shanghai.StartOfDayUtc(days[0]), Shanghai.StartOfDayUtc(days[^1].AddDays(1)));
    }

    /// <summary>The date the previous or next page starts from.</summary>
    public static DateOnly Step(CalendarView view, DateOnly date, int direction) => date.AddDays(direction * (view == CalendarView.Day ? 1 : 7));
}
