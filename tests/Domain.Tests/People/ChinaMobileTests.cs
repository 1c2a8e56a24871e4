using LoanSaaS.Domain.People;

namespace LoanSaaS.Domain.Tests.People;

public class ChinaMobileTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("+8613812345678", "13812345678")]
    [InlineData("8613812345678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData(" 138 1234 5678 ", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    public void Normalize_returns_the_bare_11_digits(string input, string expected)
    {
        Assert.Equal(expected, ChinaMobile.Normalize(input));
        Assert.True(ChinaMobile.IsValid(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12812345678")] // second digit 2
    [InlineData("10812345678")]
    [InlineData("23812345678")]
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("+85213812345678")] // Hong Kong prefix
    [InlineData("13812345678+")]
    [InlineData("138.1234.5678")]
    [InlineData("138abcd5678")]
    [InlineData("021-12345678")] // landline
    public void Invalid_numbers_are_rejected(string? input)
    {
        Assert.Null(ChinaMobile.Normalize(input));
        Assert.False(ChinaMobile.IsValid(input));
    }

    [Fact]
    public void ToE164_adds_the_country_code() => Assert.Equal("+8613812345678", ChinaMobile.ToE164("13812345678"));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("12345678901", "123****8901")]
    [InlineData("1381234567", "138***4567")]
    [InlineData("1234567", "1*****7")]
    [InlineData("12", "**")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_hides_the_middle(string? mobile, string expected) => Assert.Equal(expected, ChinaMobile.Mask(mobile));
}
