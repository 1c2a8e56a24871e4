using LoanSaaS.Domain.Spreadsheets;

namespace LoanSaaS.Domain.Tests.Spreadsheets;

public class FormulaGuardTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=HYPERLINK(\"http://evil\",\"点我\")", "'=HYPERLINK(\"http://evil\",\"点我\")")]
    [InlineData("+8613812345678", "'+8613812345678")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void Cells_starting_with_a_formula_trigger_get_a_leading_quote(string input, string expected)
    {
        Assert.True(FormulaGuard.IsDangerous(input));
        Assert.Equal(expected, FormulaGuard.Neutralize(input));
    }

    [Theory]
    [InlineData("王小明")]
    [InlineData("138****5678")]
    [InlineData("a=b")]
    [InlineData(" =1")]
    [InlineData("'=1")]
    [InlineData("")]
    public void Ordinary_text_is_left_alone(string input)
    {
        Assert.False(FormulaGuard.IsDangerous(input));
        Assert.Equal(input, FormulaGuard.Neutralize(input));
    }

    [Fact]
    public void Null_stays_null() => Assert.Null(FormulaGuard.Neutralize(null));
}
