namespace LoanSaaS.Domain.Dashboard;

public enum DashboardPeriod
{
    Today,
    /// <summary>Monday of this week to today.</summary>
    Week,
    /// <summary>The first of this month to today.</summary>
    Month,
}

/// <summary>The Shanghai calendar days a period covers, ending today.</summary>
public static class DashboardPeriods
{
    public static (DateOnly From, DateOnly To) Days(DashboardPeriod period, DateOnly today) => period switch
    {
        DashboardPeriod.Week => (today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), today),
        DashboardPeriod.Month => (new DateOnly(today.Year, today.Month, 1), today),
        _ => (today, today),
    };
}
