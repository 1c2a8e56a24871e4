using LoanSaaS.Domain.People;
using PhoneNumbers;

namespace LoanSaaS.Infrastructure.PersonalData;

/// <summary>Mainland mobiles through libphonenumber: any common way of writing one → E.164 ("+8613812345678").</summary>
public static class MobileNumbers
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>E.164 for a valid mainland mobile, else null. Accepts full-width digits, spaces, hyphens, +86/0086 prefixes.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var text = FullWidth.ToHalfWidth(input.Trim());
        if (text.Length > 30) return null;
        try
        {
            var number = Util.Parse(text, "CN");
            if (number.CountryCode != 86 || !Util.IsValidNumberForRegion(number, "CN")) return null;
            var type = Util.GetNumberType(number);
            if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)) return null;
            return Util.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The 11-digit national number of an E.164 mainland mobile.</summary>
    public static string National(string e164) => e164.StartsWith("+86", StringComparison.Ordinal) ? e164[3..] : e164;

    /// <summary>"138****5678".</summary>
    public static string Mask(string e164) => ChinaMobile.Mask(National(e164));
}
