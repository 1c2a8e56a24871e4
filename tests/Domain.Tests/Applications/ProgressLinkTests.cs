using LoanSaaS.Domain.Applications;

namespace LoanSaaS.Domain.Tests.Applications;

public sealed class ProgressLinkTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("张伟", true, "张", BorrowerTitle.Mr)]
    [InlineData("李娜", false, "李", BorrowerTitle.Ms)]
    [InlineData("王小明", null, "王", BorrowerTitle.Unknown)]
    [InlineData("欧阳娜娜", false, "欧阳", BorrowerTitle.Ms)]
    [InlineData("诸葛亮", true, "诸葛", BorrowerTitle.Mr)]
    [InlineData(" 司马 ", true, "司", BorrowerTitle.Mr)]
    [InlineData("Tom Lee", true, "Lee", BorrowerTitle.Mr)]
    public void The_borrower_is_addressed_by_surname_and_title_only(string name, bool? isMale, string surname, BorrowerTitle title)
    {
        Assert.Equal(new BorrowerGreeting(surname, title), BorrowerGreeting.For(name, isMale));
    }

    [Fact]
    public void A_link_is_active_until_it_expires_or_is_revoked()
    {
        var link = new ApplicationProgressLink { TokenHash = "h", CreatedById = "u", CreatedByName = "刘洋", CreatedAt = Created, ExpiresAt = Created.AddDays(7) };

        Assert.Equal(ProgressLinkStatus.Active, link.StatusAt(Created.AddDays(7).AddSeconds(-1)));
        Assert.Equal(ProgressLinkStatus.Expired, link.StatusAt(Created.AddDays(7)));
        link.RevokedAt = Created.AddHours(1);
        Assert.Equal(ProgressLinkStatus.Revoked, link.StatusAt(Created.AddHours(2)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void A_link_lives_one_to_thirty_days(int days, bool valid) => Assert.Equal(valid, ApplicationProgressLink.IsValidDays(days));

    [Theory]
    [InlineData(ApplicationStatus.Draft, ProgressStage.Draft)]
    [InlineData(ApplicationStatus.InApproval, ProgressStage.InApproval)]
    [InlineData(ApplicationStatus.Returned, ProgressStage.NeedsDocuments)]
    [InlineData(ApplicationStatus.Approved, ProgressStage.Approved)]
    [InlineData(ApplicationStatus.Rejected, ProgressStage.NotApproved)]
    [InlineData(ApplicationStatus.Withdrawn, ProgressStage.Withdrawn)]
    public void The_borrower_sees_the_status_as_a_stage(ApplicationStatus status, ProgressStage stage) => Assert.Equal(stage, ProgressStages.Of(status));
}
