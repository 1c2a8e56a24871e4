using LoanSaaS.Domain.Time;

namespace LoanSaaS.Domain.Tests.Time;

public class ShanghaiTests
{
    private sealed class FixedTime(DateTimeOffset utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utcNow;
    }

    [Fact]
    public void Offset_is_eight_hours() => Assert.Equal(TimeSpan.FromHours(8), Shanghai.Offset);

    [Fact]
    public void ToShanghai_keeps_the_instant_and_shows_local_clock()
    {
        var utc = new DateTimeOffset(2025, 1, 1, 20, 30, 0, TimeSpan.Zero);
        var local = Shanghai.ToShanghai(utc);
        Assert.Equal(utc, local);
        Assert.Equal(new DateTime(2025, 1, 2, 4, 30, 0), local.DateTime);
    }

    [Theory]
    [InlineData("2025-05-01T15:59:00Z", "2025-05-01")]
    [InlineData("2025-05-01T16:00:00Z", "2025-05-02")]
    [InlineData("2025-12-31T16:00:00Z", "2026-01-01")]
    public void Today_is_the_Shanghai_date(string utcNow, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Shanghai.Today(new FixedTime(DateTimeOffset.Parse(utcNow))));

    [Theory]
    [InlineData("2025-07-15T02:05:00Z", "2025-07-15 10:05")]
    [InlineData("2025-07-15T18:30:00Z", "2025-07-16 02:30")]
    [InlineData("2025-07-15T10:05:00+08:00", "2025-07-15 10:05")]
    public void Format_shows_Shanghai_minutes(string instant, string expected) =>
        Assert.Equal(expected, Shanghai.Format(DateTimeOffset.Parse(instant)));

    [Fact]
    public void StartOfDayUtc_is_midnight_in_Shanghai() =>
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 16, 0, 0, TimeSpan.Zero), Shanghai.StartOfDayUtc(new DateOnly(2025, 4, 1)));

    [Fact]
    public void Summer_has_no_daylight_saving() =>
        Assert.Equal("2025-07-01 08:00", Shanghai.Format(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)));
}
