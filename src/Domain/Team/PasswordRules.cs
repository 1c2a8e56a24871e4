using System.Collections.Frozen;

namespace LoanSaaS.Domain.Team;

/// <summary>Form feedback on a new password. Identity enforces its own length and digit rules on save.</summary>
public static class PasswordRules
{
    public const int MinLength = 8;

    // The most common passwords in Chinese leaks that also pass the length/letter/digit rules, plus a few that do not.
    private static readonly FrozenSet<string> Common = new[]
    {
        "12345678", "123456789", "1234567890", "87654321", "11111111", "00000000", "88888888", "66666666",
        "12341234", "11223344", "password", "password1", "password123", "passw0rd", "qwerty123", "qwertyuiop",
        "a12345678", "a1234567", "aa123456", "abc12345", "abc123456", "abcd1234", "1qaz2wsx", "1q2w3e4r",
        "qwe12345", "qwe123456", "woaini1314", "iloveyou1", "admin123", "admin888", "zxcvbnm123",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every problem found, in enum order; empty when the password is acceptable.</summary>
    public static IReadOnlyList<PasswordProblem> Check(string? password)
    {
        password ??= string.Empty;
        var problems = new List<PasswordProblem>();
        if (password.Length < MinLength)
        {
            problems.Add(PasswordProblem.TooShort);
        }

        if (!password.Any(char.IsLetter))
        {
            problems.Add(PasswordProblem.NeedsLetter);
        }

        if (!password.Any(char.IsAsciiDigit))
        {
            problems.Add(PasswordProblem.NeedsDigit);
        }

        if (Common.Contains(password) || (password.Length >= MinLength && IsOneRepeatedCharacter(password)))
        {
            problems.Add(PasswordProblem.TooCommon);
        }

        return problems;
    }

    private static bool IsOneRepeatedCharacter(string password) => password.All(c => c == password[0]);
}
