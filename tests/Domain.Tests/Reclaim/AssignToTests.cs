using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Tests.Reclaim;

public sealed class AssignToTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_owner_starts_the_reclaim_clock_and_clears_the_warning()
    {
        var lead = new Lead { Number = "L1", Name = "张三" };
        lead.AssignTo("u1", null, T0);
        lead.ReclaimWarnedFor = T0.AddDays(1);

        lead.AssignTo("u2", null, T0.AddHours(5));

        Assert.Equal(T0.AddHours(5), lead.AssignedAt);
        Assert.Null(lead.ReclaimWarnedFor);
    }

    [Fact]
    public void The_same_owner_again_keeps_the_clock_and_nobody_clears_it()
    {
        var lead = new Lead { Number = "L1", Name = "张三" };
        lead.AssignTo("u1", null, T0);

        lead.AssignTo("u1", null, T0.AddHours(5));
        Assert.Equal(T0, lead.AssignedAt);

        lead.AssignTo(null, null, T0.AddHours(6));
        Assert.Null(lead.AssignedAt);
        Assert.Null(lead.TeamId);
    }
}
