using LoanSaaS.Domain.People;

namespace LoanSaaS.Domain.Tests.People;

public class ChineseIdNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("310101199001011234")]
    [InlineData("440306198506154561")]
    [InlineData("320102200002290013")] // 2000-02-29
    [InlineData("51010720100301555X")]
    [InlineData("330106199212319875")]
    public void IsValid_accepts_real_format_ids(string id)
    {
        Assert.True(ChineseIdNumber.IsValid(id));
        Assert.True(ChineseIdNumber.IsValid(id, Today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("310101199001011235")] // wrong check digit
    [InlineData("11010519491231002Y")]
    [InlineData("31010119900101123")] // 17 characters
    [InlineData("3101011990010112345")]
    [InlineData("310101900101123")] // old 15-digit format
    [InlineData("31010119900101123X")] // X where the check digit is 4
    [InlineData("3101011990O1011234")] // letter O
    [InlineData(" 310101199001011234")] // not normalised
    [InlineData("310101199002301233")] // 30 February, checksum right
    [InlineData("320102190002290017")] // 1900 was not a leap year
    [InlineData("310101199013011231")] // month 13
    [InlineData("310101189912311239")] // before 1900
    public void IsValid_rejects_bad_ids(string? id) => Assert.False(ChineseIdNumber.IsValid(id));

    [Theory]
    [InlineData("310101300001011238", "2025-06-15", false)] // born in 3000
    [InlineData("110101202401010019", "2023-12-31", false)]
    [InlineData("110101202401010019", "2024-01-01", true)]
    public void IsValid_with_today_rejects_birth_dates_in_the_future(string id, string today, bool expected)
    {
        Assert.True(ChineseIdNumber.IsValid(id));
        Assert.Equal(expected, ChineseIdNumber.IsValid(id, DateOnly.Parse(today)));
    }

    [Theory]
    [InlineData(" 3101 0119 9001 0112 34 ", "310101199001011234")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")]
    [InlineData("11010519491231002ｘ", "11010519491231002X")]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Normalize_folds_user_input(string? input, string? expected) =>
        Assert.Equal(expected, ChineseIdNumber.Normalize(input));

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31")]
    [InlineData("320102200002290013", "2000-02-29")]
    public void BirthDate_reads_digits_7_to_14(string id, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), ChineseIdNumber.BirthDate(id));

    [Fact]
    public void BirthDate_is_null_for_invalid_ids() => Assert.Null(ChineseIdNumber.BirthDate("310101199001011235"));

    [Theory]
    [InlineData("310101199001011234", "2025-06-15", 35)]
    [InlineData("310101199001011234", "2025-01-01", 35)] // birthday today
    [InlineData("310101199001011234", "2024-12-31", 34)]
    [InlineData("320102200002290013", "2025-02-28", 24)] // leap-day birthday not yet reached
    [InlineData("320102200002290013", "2025-03-01", 25)]
    [InlineData("110101202401010019", "2024-01-01", 0)]
    public void Age_counts_whole_years(string id, string today, int expected) =>
        Assert.Equal(expected, ChineseIdNumber.Age(id, DateOnly.Parse(today)));

    [Theory]
    [InlineData("110101202401010019", "2023-12-31")]
    [InlineData("310101199001011235", "2025-06-15")]
    public void Age_is_null_for_future_or_invalid_ids(string id, string today) =>
        Assert.Null(ChineseIdNumber.Age(id, DateOnly.Parse(today)));

    [Theory]
    [InlineData("310101199001011234", true)]
    [InlineData("320102200002290013", true)]
    [InlineData("11010519491231002X", false)]
    [InlineData("440306198506154561", false)]
    [InlineData("310101199001011235", null)]
    public void IsMale_reads_the_parity_of_the_17th_digit(string id, bool? expected) =>
        Assert.Equal(expected, ChineseIdNumber.IsMale(id));

    [Theory]
    [InlineData("310101199001011234", "3101**********1234")]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("310101900101123", "3101*******1123")]
    [InlineData("12345678", "12****78")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_keeps_first_and_last_four(string? id, string expected) =>
        Assert.Equal(expected, ChineseIdNumber.Mask(id));
}
