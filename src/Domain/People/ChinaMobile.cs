namespace LoanSaaS.Domain.People;

/// <summary>Mainland China mobile numbers: 11 digits matching <c>1[3-9]\d{9}</c>.</summary>
public static class ChinaMobile
{
    public const int Length = 11;
    private const string CountryCode = "86";

    public static bool IsValid(string? input) => Normalize(input) is not null;

    /// <summary>
    /// The bare 11-digit number, or null when the input is not a mainland mobile.
    /// Accepts "+86"/"86"/"0086" prefixes, spaces, hyphens and full-width digits.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(input.Length);
        foreach (var raw in FullWidth.ToHalfWidth(input.Trim()))
        {
            if (char.IsAsciiDigit(raw) || (raw == '+' && digits.Length == 0))
            {
                digits.Append(raw);
            }
            else if (raw != ' ' && raw != '-')
            {
                return null;
            }
        }

        var number = StripCountryCode(digits.ToString());
        return number is not null && IsBareMobile(number) ? number : null;
    }

    public static string ToE164(string normalized) => "+" + CountryCode + normalized;

    /// <summary>"138****5678" for 11 characters; other lengths keep 3+4 when long enough.</summary>
    public static string Mask(string? mobile) => Masking.KeepEnds(mobile?.Trim(), 3, 4);

    private static string? StripCountryCode(string number)
    {
        if (number.StartsWith('+'))
        {
            return number.StartsWith("+" + CountryCode, StringComparison.Ordinal) ? number[3..] : null;
        }

        if (number.Length == Length + 4 && number.StartsWith("00" + CountryCode, StringComparison.Ordinal))
        {
            return number[4..];
        }

        return number.Length == Length + 2 && number.StartsWith(CountryCode, StringComparison.Ordinal) ? number[2..] : number;
    }

    private static bool IsBareMobile(string number) =>
        number.Length == Length && number[0] == '1' && number[1] is >= '3' and <= '9' && number.All(char.IsAsciiDigit);
}
