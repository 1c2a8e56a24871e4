using LoanSaaS.Domain.Credit;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.People;

namespace LoanSaaS.Domain.Tests.Credit;

public sealed class SampleCreditReportsTests
{
    private static readonly DateOnly Day = new(2026, 12, 7);

    /// <summary>Valid 18-digit ID numbers (the check character computed), one per sequence number.</summary>
    private static string Id(int sequence)
    {
        var first17 = "310104198805" + (10 + sequence % 18).ToString("D2") + (sequence % 1000).ToString("D3");
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        return first17 + "10X98765432"[first17.Select((c, i) => (c - '0') * weights[i]).Sum() % 11];
    }

    [Fact]
    public void The_same_person_always_gets_the_same_report_and_only_the_date_follows_the_day()
    {
        var first = SampleCreditReports.For("王芳", Id(7), Day);
        var again = SampleCreditReports.For("王芳", Id(7), Day.AddDays(30));

        Assert.Equal(first with { ReportDate = again.ReportDate, Accounts = again.Accounts }, again);
        Assert.Equal(first.Accounts, again.Accounts);
        Assert.Equal(Day.AddDays(30), again.ReportDate);
    }

    [Fact]
    public void Different_people_get_different_reports_within_the_documented_ranges()
    {
        var reports = Enumerable.Range(0, 400).Select(i => SampleCreditReports.For("客户", Id(i), Day)).ToList();

        Assert.True(reports.Select(r => r.Score).Distinct().Count() > 100);
        Assert.All(reports, r =>
        {
            Assert.InRange(r.Score, SampleCreditReports.MinScore, SampleCreditReports.MaxScore);
            Assert.Equal(r.Accounts.Count(a => a.State == CreditAccountState.Overdue), r.CurrentOverdueCount);
            Assert.Equal(r.Accounts.Sum(a => a.OverdueAmount), r.CurrentOverdueAmount);
            Assert.Equal(r.Accounts.Sum(a => a.Balance), r.TotalDebt);
            Assert.True(r.Overdue24Months >= r.CurrentOverdueCount);
            Assert.InRange(r.Queries6Months, 0, 12);
            Assert.All(r.Accounts, a => Assert.InRange(a.Balance, 0m, a.Limit));
        });
        // Every reading of the borrower's credit occurs: clean, past late payments, overdue now, no history.
        Assert.Equal(
            [CreditStatus.Good, CreditStatus.MinorLate, CreditStatus.Overdue, CreditStatus.NoHistory],
            reports.Select(r => r.SuggestedStatus).Distinct().Order().ToArray());
        // A poor score goes with more inquiries than a good one.
        Assert.True(reports.Where(r => r.Score < 550).Average(r => r.Queries6Months) > reports.Where(r => r.Score >= 750).Average(r => r.Queries6Months));
    }

    [Fact]
    public void The_report_carries_the_ID_number_masked_and_the_summary_no_identifiers()
    {
        var id = Id(42);
        var report = SampleCreditReports.For("欧阳娜娜", id, Day);

        Assert.Equal(ChineseIdNumber.Mask(id), report.MaskedIdNumber);
        Assert.DoesNotContain(id[4..14], report.MaskedIdNumber);
        Assert.Equal(new CreditReportSummary(report.Score, report.CurrentOverdueCount, report.Queries6Months), report.Summary);
    }

    [Theory]
    [InlineData(1, 0, 3, CreditStatus.Overdue)]
    [InlineData(0, 2, 3, CreditStatus.MinorLate)]
    [InlineData(0, 0, 0, CreditStatus.NoHistory)]
    [InlineData(0, 0, 2, CreditStatus.Good)]
    public void The_suggested_credit_status_reads_the_record(int overdueNow, int overdue24, int accounts, CreditStatus expected)
    {
        var lines = Enumerable.Range(0, accounts).Select(_ => new CreditAccountLine("银行", CreditAccountKind.CreditCard, Day, 1m, 0m, CreditAccountState.Normal, 0m)).ToList();
        var report = new CreditReportContent("甲", "1101**********1234", Day, 700, overdueNow, 0m, overdue24, 0, 0m, lines);
        Assert.Equal(expected, report.SuggestedStatus);
    }
}
