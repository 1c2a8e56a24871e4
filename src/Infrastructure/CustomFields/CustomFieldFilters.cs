using System.Globalization;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;

namespace LoanSaaS.Infrastructure.CustomFields;

/// <summary>
/// The filter a list or board offers for one of the agency's fields, as a condition comparison: a choice equals (or,
/// for a multi-select, is among the chosen), yes/no, a number at least, a date on or after, text containing.
/// </summary>
public static class CustomFieldFilters
{
    public static bool Offers(CustomField field) => !field.IsArchived && field.Type is not (FieldType.Mobile or FieldType.IdNumber or FieldType.LongText);

    /// <summary>The comparison for a value typed or chosen in the filter bar; null when it is blank or unreadable.</summary>
    public static Comparison? For(CustomField field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        return field.Type switch
        {
            FieldType.SingleSelect or FieldType.YesNo => Comparison.Of(field.Key, ConditionOperator.EqualTo, text),
            FieldType.MultiSelect => Comparison.Of(field.Key, ConditionOperator.Contains, text),
            FieldType.Number or FieldType.Money or FieldType.Percentage when CustomFieldValueRules.TryParseNumber(field.Type, text, out var number) =>
                Comparison.Of(field.Key, ConditionOperator.GreaterOrEqual, number.ToString(CultureInfo.InvariantCulture)),
            FieldType.Date when CustomFieldValueRules.TryParseDate(text, out var date) =>
                Comparison.Of(field.Key, ConditionOperator.GreaterOrEqual, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            FieldType.Text => Comparison.Of(field.Key, ConditionOperator.Contains, text),
            _ => null,
        };
    }

    /// <summary>The comparisons of every filled filter, by field key.</summary>
    public static IReadOnlyList<Comparison> All(CustomFieldSet fields, IReadOnlyDictionary<string, string?> values) =>
        values.Select(v => fields.Find(v.Key) is { } field && Offers(field) ? For(field, v.Value) : null).OfType<Comparison>().ToList();
}
