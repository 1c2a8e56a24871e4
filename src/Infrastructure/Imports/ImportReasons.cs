using System.Globalization;
using System.Resources;
using LoanSaaS.Infrastructure.Common;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>
/// Why a row was rejected, in words, for the reason column of the rejected-rows file (ImportReasonText.resx; the
/// pages word the same codes with the same texts). The file is written in the agency's language, zh-CN.
/// </summary>
public static class ImportReasons
{
    private static readonly ResourceManager Texts = new("LoanSaaS.Infrastructure.Imports.ImportReasonText", typeof(ImportReasons).Assembly);
    public static readonly CultureInfo FileCulture = CultureInfo.GetCultureInfo("zh-CN");

    public static string Column(CultureInfo? culture = null) => Text("ReasonColumn", culture);

    public static string Describe(IReadOnlyList<FieldError> errors, string? blacklistReason, CultureInfo? culture = null)
    {
        var parts = errors.Select(e => e is { Field: "Lead", Code: "Blacklisted" } && !string.IsNullOrWhiteSpace(blacklistReason)
            ? string.Format(culture ?? FileCulture, Text("Lead.BlacklistedBecause", culture), blacklistReason)
            : Texts.GetString($"{e.Field}.{e.Code}", culture ?? FileCulture) ?? Text("Unknown", culture));
        return string.Join(Text("Separator", culture), parts);
    }

    private static string Text(string key, CultureInfo? culture) => Texts.GetString(key, culture ?? FileCulture) ?? key;
}
