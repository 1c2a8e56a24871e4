using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Web.Team;

namespace LoanSaaS.Web.Tests.Team;

public sealed class MemberFilterTests
{
    private static MemberRow Member(string name = "王强", string mobile = "13912340003", string email = "wangqiang@demo.loansaas.cn",
        AgencyRole role = AgencyRole.Manager, bool active = true, bool locked = false, bool invited = false) =>
        new("id", name, mobile, email, role, null, null, active, locked, invited, DateTimeOffset.UnixEpoch, null, "stamp", DataScope.Team);

    [Theory]
    [InlineData("王")]
    [InlineData("WANGQIANG")]
    [InlineData("0003")]
    [InlineData("139 1234")]
    [InlineData("")]
    public void Search_matches_name_email_and_mobile_digits(string search) =>
        Assert.True(new MemberFilter { Search = search }.Matches(Member()));

    [Theory]
    [InlineData("李")]
    [InlineData("03")]
    [InlineData("0003x")]
    public void Search_needs_a_real_match_and_at_least_three_digits_for_the_mobile(string search) =>
        Assert.False(new MemberFilter { Search = search }.Matches(Member()));

    [Fact]
    public void Role_and_status_filters_combine()
    {
        var filter = new MemberFilter { Role = AgencyRole.Manager, Active = false };

        Assert.True(filter.Matches(Member(active: false)));
        Assert.False(filter.Matches(Member(active: true)));
        Assert.False(filter.Matches(Member(role: AgencyRole.Sales, active: false)));
    }

    [Fact]
    public void Active_filter_keeps_locked_and_invited_members()
    {
        var filter = new MemberFilter { Active = true };

        Assert.True(filter.Matches(Member(locked: true)));
        Assert.True(filter.Matches(Member(invited: true)));
    }

    [Theory]
    [InlineData(true, false, false, MemberStatus.Active)]
    [InlineData(true, true, false, MemberStatus.Locked)]
    [InlineData(true, true, true, MemberStatus.InvitePending)]
    [InlineData(false, true, true, MemberStatus.Deactivated)]
    public void One_status_per_member(bool active, bool locked, bool invited, MemberStatus expected) =>
        Assert.Equal(expected, MemberStatuses.Of(Member(active: active, locked: locked, invited: invited)));
}
