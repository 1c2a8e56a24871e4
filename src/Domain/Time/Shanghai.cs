using System.Globalization;

namespace LoanSaaS.Domain.Time;

/// <summary>
/// Asia/Shanghai time. China has used a fixed UTC+8 without daylight saving since 1991,
/// so a constant offset is exact and avoids depending on the OS time-zone database.
/// </summary>
public static class Shanghai
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToShanghai(DateTimeOffset utc) => utc.ToOffset(Offset);

    /// <summary>The Shanghai calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToShanghai(instant).DateTime);

    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The UTC instant at which a Shanghai calendar day starts (00:00 +08:00).</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>"yyyy-MM-dd HH:mm" in Shanghai time.</summary>
    public static string Format(DateTimeOffset utc) =>
        ToShanghai(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
