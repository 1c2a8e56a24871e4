using System.Text.RegularExpressions;
using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.CustomFields;

/// <summary>A field definition's problems as (field, code) pairs, e.g. ("Options", "Required"); none when it may be saved.</summary>
public static class CustomFieldDefinitionRules
{
    public static readonly FieldType[] Types =
    [
        FieldType.Text, FieldType.LongText, FieldType.Number, FieldType.Money, FieldType.Percentage, FieldType.Date,
        FieldType.SingleSelect, FieldType.MultiSelect, FieldType.YesNo, FieldType.Mobile, FieldType.IdNumber,
    ];

    public static IReadOnlyList<(string Field, string Code)> Check(CustomField field, IEnumerable<CustomField> others)
    {
        var errors = new List<(string, string)>();
        var label = field.Label.Trim();
        if (label.Length == 0) errors.Add(("Label", "Required"));
        else if (label.Length > CustomField.MaxLabelLength) errors.Add(("Label", "TooLong"));
        else if (others.Any(o => o.Id != field.Id && !o.IsArchived && string.Equals(o.Label.Trim(), label, StringComparison.OrdinalIgnoreCase)))
            errors.Add(("Label", "Taken"));
        if (!Types.Contains(field.Type)) errors.Add(("Type", "Invalid"));
        if (!Enum.IsDefined(field.Target)) errors.Add(("Target", "Invalid"));
        if (field.Hint?.Length > CustomField.MaxHintLength) errors.Add(("Hint", "TooLong"));

        if (field.Type is FieldType.SingleSelect or FieldType.MultiSelect)
        {
            if (field.Options.Count == 0) errors.Add(("Options", "Required"));
            else if (field.Options.Count > CustomField.MaxOptions) errors.Add(("Options", "TooMany"));
            else if (field.Options.Any(o => o.Trim().Length is 0 or > CustomField.MaxOptionLength)) errors.Add(("Options", "Invalid"));
            else if (field.Options.Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != field.Options.Count) errors.Add(("Options", "Repeated"));
        }
        else if (field.Options.Count > 0) errors.Add(("Options", "NotAllowed"));

        var ranged = field.IsNumeric || field.IsText;
        if (!ranged && (field.Min is not null || field.Max is not null)) errors.Add(("Min", "NotAllowed"));
        else if (field.Min > field.Max) errors.Add(("Max", "BelowMin"));
        else if (field.IsText && (field.Min < 0 || field.Max < 1)) errors.Add(("Min", "Invalid"));

        if (field.Pattern is { Length: > 0 } pattern)
        {
            if (!field.IsText) errors.Add(("Pattern", "NotAllowed"));
            else if (pattern.Length > CustomField.MaxPatternLength || !IsValidPattern(pattern)) errors.Add(("Pattern", "Invalid"));
        }
        return errors;
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
