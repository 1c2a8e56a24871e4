using LoanSaaS.Domain.Team;

namespace LoanSaaS.Domain.Tests.Team;

public class PasswordRulesTests
{
    [Theory]
    [InlineData("huaxin2025")]
    [InlineData("Dai!kuan88")]
    [InlineData("贷款顾问2025ab")]
    public void Good_passwords_have_no_problems(string password) => Assert.Empty(PasswordRules.Check(password));

    [Theory]
    [InlineData("ab1", new[] { PasswordProblem.TooShort })]
    [InlineData("abcdefgh", new[] { PasswordProblem.NeedsDigit })]
    [InlineData("20252026", new[] { PasswordProblem.NeedsLetter })]
    [InlineData("12345678", new[] { PasswordProblem.NeedsLetter, PasswordProblem.TooCommon })]
    [InlineData("88888888", new[] { PasswordProblem.NeedsLetter, PasswordProblem.TooCommon })]
    [InlineData("password", new[] { PasswordProblem.NeedsDigit, PasswordProblem.TooCommon })]
    [InlineData("Qwerty123", new[] { PasswordProblem.TooCommon })]
    [InlineData("a12345678", new[] { PasswordProblem.TooCommon })]
    [InlineData("ABC12345", new[] { PasswordProblem.TooCommon })]
    [InlineData("zzzzzzzzzz", new[] { PasswordProblem.NeedsDigit, PasswordProblem.TooCommon })]
    [InlineData("!!!", new[] { PasswordProblem.TooShort, PasswordProblem.NeedsLetter, PasswordProblem.NeedsDigit })]
    [InlineData("", new[] { PasswordProblem.TooShort, PasswordProblem.NeedsLetter, PasswordProblem.NeedsDigit })]
    [InlineData(null, new[] { PasswordProblem.TooShort, PasswordProblem.NeedsLetter, PasswordProblem.NeedsDigit })]
    public void Check_lists_every_problem_in_order(string? password, PasswordProblem[] expected) =>
        Assert.Equal(expected, PasswordRules.Check(password));

    [Fact]
    public void MinLength_is_eight() => Assert.Equal(8, PasswordRules.MinLength);
}
