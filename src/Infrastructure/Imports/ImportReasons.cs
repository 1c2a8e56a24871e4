using System.Globalization;
using System.Resources;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;

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

    /// <param name="fields">The agency's own fields, to name the one a custom value error is about ("名下房产：不是可选项之一").</param>
    public static string Describe(IReadOnlyList<FieldError> errors, string? blacklistReason, CustomFieldSet? fields = null, CultureInfo? culture = null)
    {
        var parts = errors.Select(e => e is { Field: "Lead", Code: "Blacklisted" } && !string.IsNullOrWhiteSpace(blacklistReason)
            ? string.Format(culture ?? FileCulture, Text("Lead.BlacklistedBecause", culture), blacklistReason)
            : fields?.Find(e.Field) is { } field ? string.Format(culture ?? FileCulture, Text("Custom", culture), field.Label, Text("Custom." + e.Code, culture))
            : Texts.GetString($"{e.Field}.{e.Code}", culture ?? FileCulture) ?? Text("Unknown", culture));
        return string.Join(Text("Separator", culture), parts);
    }

    private static string Text(string key, CultureInfo? culture) => Texts.GetString(key, culture ?? FileCulture) ?? key;
}
