using System.Globalization;
using System.Text.RegularExpressions;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.People;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.PersonalData;

namespace LoanSaaS.Infrastructure.CustomFields;

/// <summary>Which custom values a channel must give: the forms ask for every required field, other channels only refuse a blank one they sent.</summary>
/// <param name="IsCustomer">Customer fields apply only to customers.</param>
/// <param name="RequireAll">A required field left out is an error (staff entry and edit).</param>
/// <param name="Kept">Personal-data fields a blank value keeps (the edit form never holds the stored plain value).</param>
public sealed record CustomFieldScope(CustomFieldSet Fields, bool IsCustomer = false, bool RequireAll = false, IReadOnlySet<Guid>? Kept = null);

/// <summary>
/// Reads custom field values typed or uploaded as text, as every channel does: numbers with 万/元/%, dates in common
/// notations (and Excel serial days), options by their text, yes/no in Chinese or English, mobiles and ID numbers
/// validated and sealed. Errors are (field key, code), e.g. ("cf_…", "AboveMax").
/// </summary>
public static class CustomFieldValueRules
{
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
    private static readonly char[] OptionSeparators = [',', '，', '、', ';', '；', '|'];

    public static IReadOnlyList<CustomFieldEntry> Validate(IReadOnlyDictionary<string, string?> input, CustomFieldScope scope, PersonalDataProtector protector,
        DateOnly today, List<FieldError> errors)
    {
        var entries = new List<CustomFieldEntry>();
        foreach (var field in scope.Fields.For(scope.IsCustomer))
        {
            var given = input.TryGetValue(field.Key, out var text);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (given && field.IsPersonalData && scope.Kept?.Contains(field.Id) == true) continue;
                if (field.Required && (given || scope.RequireAll)) errors.Add(new(field.Key, "Required"));
                else if (given) entries.Add(new CustomFieldEntry(field.Id));
                continue;
            }
            var (entry, code) = Parse(field, text, today, protector);
            if (code is not null) errors.Add(new(field.Key, code));
            else entries.Add(entry!);
        }
        return entries;
    }

    /// <summary>One value: the entry, or the reason it was refused.</summary>
    public static (CustomFieldEntry? Entry, string? Code) Parse(CustomField field, string text, DateOnly today, PersonalDataProtector protector)
    {
        var t = FullWidth.ToHalfWidth(text.Trim());
        var entry = new CustomFieldEntry(field.Id);
        switch (field.Type)
        {
            case FieldType.Text or FieldType.LongText:
                var raw = text.Trim();
                var limit = field.Type == FieldType.Text ? CustomField.MaxTextLength : CustomField.MaxLongTextLength;
                if (raw.Length > Math.Min(limit, field.Max ?? limit)) return (null, "TooLong");
                if (raw.Length < (field.Min ?? 0)) return (null, "TooShort");
                if (field.Pattern is { Length: > 0 } pattern && !Matches(pattern, raw)) return (null, "Pattern");
                return (entry with { Texts = [raw] }, null);
            case FieldType.Number or FieldType.Money or FieldType.Percentage:
                if (!TryParseNumber(field.Type, t, out var number)) return (null, "NotNumber");
                if (number < field.Min) return (null, "BelowMin");
                if (number > field.Max) return (null, "AboveMax");
                return (entry with { Number = number }, null);
            case FieldType.Date:
                return TryParseDate(t, out var date) ? (entry with { Date = date }, null) : (null, "NotDate");
            case FieldType.YesNo:
                return TryParseYesNo(t, out var flag) ? (entry with { Flag = flag }, null) : (null, "NotYesNo");
            case FieldType.SingleSelect:
                return Option(field, t) is { } option ? (entry with { Texts = [option] }, null) : (null, "NotOption");
            case FieldType.MultiSelect:
                var parts = t.Split(OptionSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var chosen = parts.Select(p => Option(field, p)).ToList();
                if (chosen.Any(o => o is null)) return (null, "NotOption");
                return (entry with { Texts = field.Options.Where(chosen.Contains).ToList() }, null);
            case FieldType.Mobile:
                return MobileNumbers.Normalize(t) is { } e164 ? (entry with { Sealed = protector.SealMobile(e164) }, null) : (null, "Invalid");
            case FieldType.IdNumber:
                var id = ChineseIdNumber.Normalize(t);
                return id is not null && ChineseIdNumber.IsValid(id, today) ? (entry with { Sealed = protector.SealIdNumber(id) }, null) : (null, "Invalid");
            default:
                return (null, "Invalid");
        }
    }

    /// <summary>"8,000", "8000元", "0.8万" (money in 元), "35%" (percentage as 35).</summary>
    public static bool TryParseNumber(FieldType type, string text, out decimal value)
    {
        var t = text.Replace(",", "").Replace(" ", "").Replace("¥", "").Replace("￥", "");
        var factor = 1m;
        if (type == FieldType.Money)
        {
            if (t.EndsWith("万元", StringComparison.Ordinal)) (t, factor) = (t[..^2], 10_000m);
            else if (t.EndsWith('万')) (t, factor) = (t[..^1], 10_000m);
            else if (t.EndsWith('元')) t = t[..^1];
        }
        else if (type == FieldType.Percentage && t.EndsWith('%')) t = t[..^1];
        var ok = decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        value = Math.Round(value * factor, type == FieldType.Money ? 2 : 4, MidpointRounding.AwayFromZero);
        return ok && Math.Abs(value) < 1_000_000_000_000m;
    }

    public static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // Spreadsheets hand dates over as serial day numbers (45000 is 2023-03-15).
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 20_000 and < 80_000)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }
        return false;
    }

    public static bool TryParseYesNo(string text, out bool flag)
    {
        switch (text.ToLowerInvariant())
        {
            case "是" or "有" or "yes" or "y" or "true" or "1" or "√":
                flag = true;
                return true;
            case "否" or "无" or "没有" or "no" or "n" or "false" or "0" or "×":
                flag = false;
                return true;
            default:
                flag = false;
                return false;
        }
    }

    private static string? Option(CustomField field, string text) =>
        field.Options.FirstOrDefault(o => string.Equals(FullWidth.ToHalfWidth(o.Trim()), text.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
