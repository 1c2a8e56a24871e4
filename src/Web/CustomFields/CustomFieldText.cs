using System.Globalization;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;
using FieldType = LoanSaaS.Domain.Automation.FieldType;

namespace LoanSaaS.Web.CustomFields;

/// <summary>Texts of the agency's own fields (CustomFieldText.resx = zh-CN, .en.resx): type names, values as shown, and errors naming the field's limits.</summary>
public sealed class CustomFieldText
{
    public static string Type(IStringLocalizer<CustomFieldText> t, FieldType type) => t["Type." + type];

    /// <summary>The label with its unit: "社保缴纳基数（元）".</summary>
    public static string Label(IStringLocalizer<CustomFieldText> t, CustomField field) => field.Type switch
    {
        FieldType.Money => t["Label.Money", field.Label],
        FieldType.Percentage => t["Label.Percentage", field.Label],
        _ => field.Label,
    };

    /// <summary>A stored value (invariant text, <see cref="CustomFieldChanges.Text"/>) as people read it: "8,000", "是", "35%".</summary>
    public static string Display(IStringLocalizer<CustomFieldText> t, CustomField field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var invariant = CultureInfo.InvariantCulture;
        return field.Type switch
        {
            FieldType.YesNo => value == "true" ? t["Yes"] : t["No"],
            FieldType.Money when decimal.TryParse(value, NumberStyles.Number, invariant, out var money) => money.ToString("#,0.##", invariant),
            FieldType.Percentage => value + "%",
            FieldType.Number when decimal.TryParse(value, NumberStyles.Number, invariant, out var number) => number.ToString("#,0.####", invariant),
            _ => value,
        };
    }

    /// <summary>A refused value in words, with the field's own limits where it has them.</summary>
    public static string Error(IStringLocalizer<CustomFieldText> t, CustomField field, FieldError error)
    {
        var limit = (error.Code is "BelowMin" or "TooShort" ? field.Min : error.Code is "AboveMax" or "TooLong" ? field.Max : null)?.ToString("0.####", CultureInfo.InvariantCulture);
        return limit is not null ? t[$"Error.{error.Code}.Limit", limit] : t[$"Error.{error.Code}"];
    }
}
