using LoanSaaS.Domain.Dashboard;

namespace LoanSaaS.Domain.Tests.Dashboard;

public class DashboardTests
{
    [Theory]
    [InlineData(DashboardPeriod.Today, "2026-12-06", "2026-12-06")]
    [InlineData(DashboardPeriod.Week, "2026-11-30", "2026-12-06")]
    [InlineData(DashboardPeriod.Month, "2026-12-01", "2026-12-06")]
    public void A_period_ends_today_and_weeks_start_on_monday(DashboardPeriod period, string from, string to)
    {
        // 2026-12-06 is a Sunday.
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), DashboardPeriods.Days(period, new DateOnly(2026, 12, 6)));
        Assert.Equal(new DateOnly(2026, 12, 7), DashboardPeriods.Days(DashboardPeriod.Week, new DateOnly(2026, 12, 7)).From);
    }

    [Fact]
    public void Conversion_counts_later_stages_as_having_passed_the_earlier_ones()
    {
        var steps = FunnelConversion.Of([50, 30, 15, 5]);

        Assert.Equal([100, 50, 20, 5], steps.Select(s => s.Reached));
        Assert.Null(steps[0].Conversion);
        Assert.Equal(0.5, steps[1].Conversion);
        Assert.Equal(0.4, steps[2].Conversion);
        Assert.Equal(0.25, steps[3].Conversion);
    }

    [Fact]
    public void An_empty_funnel_has_no_conversion()
    {
        Assert.All(FunnelConversion.Of([0, 0, 0]), s => Assert.Equal((0, (double?)null), s));
        Assert.Empty(FunnelConversion.Of([]));
    }
}
