using LoanSaaS.Domain.Tenancy;

namespace LoanSaaS.Domain.Tests.Tenancy;

public class SlugRulesTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("abc")]
    [InlineData("hua-xin-dai")]
    [InlineData("shanghai2024")]
    [InlineData("123")]
    [InlineData("a-1")]
    [InlineData("abcdefghijklmnopqrstuvwxyz1234")]
    public void Validate_accepts_good_slugs(string slug) => Assert.Null(SlugRules.Validate(slug));

    [Theory]
    [InlineData(null, SlugError.Required)]
    [InlineData("", SlugError.Required)]
    [InlineData("   ", SlugError.Required)]
    [InlineData("ab", SlugError.TooShort)]
    [InlineData("abcdefghijklmnopqrstuvwxyz12345", SlugError.TooLong)]
    [InlineData("Demo", SlugError.InvalidCharacters)]
    [InlineData("hua_xin", SlugError.InvalidCharacters)]
    [InlineData("hua xin", SlugError.InvalidCharacters)]
    [InlineData("华信贷款", SlugError.InvalidCharacters)]
    [InlineData("a.b.c", SlugError.InvalidCharacters)]
    [InlineData("-abc", SlugError.MustStartWithLetterOrDigit)]
    [InlineData("abc-", SlugError.MustStartWithLetterOrDigit)]
    [InlineData("ab--c", SlugError.MustStartWithLetterOrDigit)]
    [InlineData("www", SlugError.Reserved)]
    [InlineData("admin", SlugError.Reserved)]
    [InlineData("api", SlugError.Reserved)]
    [InlineData("demo-admin", SlugError.Reserved)]
    [InlineData("health", SlugError.Reserved)]
    public void Validate_reports_the_first_problem(string? slug, SlugError expected) =>
        Assert.Equal(expected, SlugRules.Validate(slug));

    [Fact]
    public void Demo_is_not_reserved_because_it_is_the_demo_agency() => Assert.DoesNotContain("demo", SlugRules.Reserved);

    [Fact]
    public void Every_reserved_word_is_rejected_as_reserved()
    {
        foreach (var word in SlugRules.Reserved)
        {
            Assert.Equal(SlugError.Reserved, SlugRules.Validate(word));
        }
    }

    [Theory]
    [InlineData("  HuaXin ", "huaxin")]
    [InlineData("DEMO", "demo")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void Normalize_trims_and_lowercases(string? input, string expected) =>
        Assert.Equal(expected, SlugRules.Normalize(input));
}
