using System.Globalization;
using LoanSaaS.Domain.Time;

namespace LoanSaaS.Web.FollowUps;

/// <summary>The next-follow-up field: a Shanghai local "yyyy-MM-ddTHH:mm" (what a datetime-local input holds) and its quick choices.</summary>
public static class NextFollowUpChoice
{
    public const string Format = "yyyy-MM-ddTHH:mm";
    private static readonly TimeOnly QuickTime = new(10, 0);

    /// <summary>Quick choices: days from today, at 10:00 Shanghai time.</summary>
    public static readonly (string Key, int Days)[] Quick = [("Tomorrow", 1), ("In3Days", 3), ("NextWeek", 7)];

    public static string DaysFromToday(TimeProvider time, int days) =>
        Shanghai.Today(time).AddDays(days).ToDateTime(QuickTime).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The UTC instant of the field's value; null when empty; false when it cannot be read.</summary>
    public static bool TryParse(string? text, out DateTimeOffset? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        utc = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Shanghai.Offset).ToUniversalTime();
        return true;
    }
}
