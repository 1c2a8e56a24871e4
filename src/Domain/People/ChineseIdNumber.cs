using System.Globalization;
using System.Text;

namespace LoanSaaS.Domain.People;

/// <summary>18-digit PRC resident identity card numbers (GB 11643-1999).</summary>
public static class ChineseIdNumber
{
    public const int Length = 18;

    // ISO 7064 MOD 11-2 weights for the first 17 digits, and the check character for each remainder.
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // IDs with earlier birth years are data-entry errors in practice.
    private const int MinBirthYear = 1900;

    /// <summary>Format, check digit and a real calendar birth date. Expects normalised input (see <see cref="Normalize"/>), though "x" is accepted.</summary>
    public static bool IsValid(string? id) => TryParseBirthDate(id, out _);

    /// <summary>As <see cref="IsValid(string?)"/>, and the birth date is not after <paramref name="today"/>.</summary>
    public static bool IsValid(string? id, DateOnly today) => TryParseBirthDate(id, out var birth) && birth <= today;

    /// <summary>Trims, removes inner spaces, folds full-width digits/X to ASCII and upper-cases X. Null for blank input.</summary>
    public static string? Normalize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var result = new StringBuilder(id.Length);
        foreach (var c in FullWidth.ToHalfWidth(id))
        {
            if (!char.IsWhiteSpace(c))
            {
                result.Append(c == 'x' ? 'X' : c);
            }
        }

        return result.ToString();
    }

    public static DateOnly? BirthDate(string id) => TryParseBirthDate(id, out var birth) ? birth : null;

    /// <summary>Age in whole years on <paramref name="today"/>; null when the id is invalid or born after today.</summary>
    public static int? Age(string id, DateOnly today)
    {
        if (!TryParseBirthDate(id, out var birth) || birth > today)
        {
            return null;
        }

        // Compare month/day rather than AddYears, which would move a 29 February birthday to the 28th.
        var age = today.Year - birth.Year;
        return (today.Month, today.Day).CompareTo((birth.Month, birth.Day)) < 0 ? age - 1 : age;
    }

    /// <summary>The 17th digit (sequence code) is odd for men and even for women.</summary>
    public static bool? IsMale(string id) => IsValid(id) ? (id[16] - '0') % 2 == 1 : null;

    /// <summary>First 4 and last 4 characters kept, e.g. "3101**********1234".</summary>
    public static string Mask(string? id) => Masking.KeepEnds(id?.Trim(), 4, 4);

    private static bool TryParseBirthDate(string? id, out DateOnly birth)
    {
        birth = default;
        if (id is null || id.Length != Length || !HasValidCheckCharacter(id))
        {
            return false;
        }

        return DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birth)
            && birth.Year >= MinBirthYear;
    }

    private static bool HasValidCheckCharacter(string id)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }

            sum += (id[i] - '0') * Weights[i];
        }

        return char.ToUpperInvariant(id[Length - 1]) == CheckCharacters[sum % 11];
    }
}
