using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Leads;

namespace LoanSaaS.Integration.Tests.PersonalData;

/// <summary>How spreadsheet-style text becomes lead fields (pure).</summary>
public sealed class LeadFieldTextTests
{
    [Theory]
    [InlineData("50", 50)]
    [InlineData("50万", 50)]
    [InlineData("50万元", 50)]
    [InlineData("12.5w", 12.5)]
    [InlineData("500000", 50)]
    [InlineData("500,000元", 50)]
    [InlineData("３０", 30)]
    [InlineData("8000元", 0.8)]
    public void Amounts_are_read_in_wan(string text, double expected)
    {
        Assert.True(LeadFieldText.TryParseAmountWan(text, out var wan));
        Assert.Equal((decimal)expected, wan);
    }

    [Theory]
    [InlineData("很多")]
    [InlineData("")]
    [InlineData("-5")]
    public void Non_numbers_are_not_amounts(string text) => Assert.False(LeadFieldText.TryParseAmountWan(text, out _));

    [Theory]
    [InlineData("12", 12)]
    [InlineData("12个月", 12)]
    [InlineData("36期", 36)]
    [InlineData("3年", 36)]
    public void Terms_are_read_in_months(string text, int months)
    {
        Assert.True(LeadFieldText.TryParseTermMonths(text, out var parsed));
        Assert.Equal(months, parsed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("forever")]
    [InlineData("99年")]
    public void Bad_terms_are_refused(string text) => Assert.False(LeadFieldText.TryParseTermMonths(text, out _));

    [Theory]
    [InlineData("良好", CreditStatus.Good)]
    [InlineData("白户", CreditStatus.NoHistory)]
    [InlineData("有逾期", CreditStatus.Overdue)]
    [InlineData("MinorLate", CreditStatus.MinorLate)]
    public void Credit_status_words_are_understood(string text, CreditStatus expected)
    {
        Assert.True(LeadFieldText.TryParseCreditStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("a", IntentLevel.A)]
    [InlineData("B类", IntentLevel.B)]
    [InlineData("Ｃ", IntentLevel.C)]
    public void Intent_levels_are_letters(string text, IntentLevel expected)
    {
        Assert.True(LeadFieldText.TryParseIntent(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("E")]
    [InlineData("1")]
    [InlineData("AB")]
    public void Other_intents_are_refused(string text) => Assert.False(LeadFieldText.TryParseIntent(text, out _));

    [Fact]
    public void Tags_split_on_common_separators_and_lose_repeats() =>
        Assert.Equal(["有房", "有车", "公积金"], LeadFieldText.SplitTags("有房、有车，公积金;有房"));
}
