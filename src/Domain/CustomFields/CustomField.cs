using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.CustomFields;

/// <summary>
/// A field the agency added to its leads or customers (表单引擎), e.g. 社保缴纳基数: its label, type and rules. Values live
/// in <see cref="CustomFieldValue"/> rows; archiving hides the field and keeps every value.
/// </summary>
public sealed class CustomField
{
    public const int MaxLabelLength = 20;
    public const int MaxHintLength = 60;
    public const int MaxPatternLength = 200;
    public const int MaxOptions = 50;
    public const int MaxOptionLength = 30;
    public const int MaxActive = 50;
    public const int MaxTextLength = 200;
    public const int MaxLongTextLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Label { get; set; }
    public FieldType Type { get; set; }
    public CustomFieldTarget Target { get; set; }
    public bool Required { get; set; }
    /// <summary>Numbers: the smallest value; text: the fewest characters.</summary>
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    /// <summary>A regular expression text must match (text fields only).</summary>
    public string? Pattern { get; set; }
    /// <summary>Shown under the input, e.g. "每月缴纳基数（元）".</summary>
    public string? Hint { get; set; }
    /// <summary>The choices of a single or multi select, in the order offered.</summary>
    public List<string> Options { get; set; } = [];
    public int Order { get; set; }
    /// <summary>Shown as a column of lead lists unless the viewer hides it.</summary>
    public bool ShowInList { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool IsArchived { get; set; }
    public long Version { get; set; }

    /// <summary>How conditions, forms, imports and exports name the field; stable across renames.</summary>
    public string Key => CustomFieldKeys.Of(Id);

    /// <summary>Customer fields belong to converted leads only.</summary>
    public bool AppliesTo(bool isCustomer) => Target == CustomFieldTarget.Lead || isCustomer;

    public bool IsPersonalData => Type is FieldType.Mobile or FieldType.IdNumber;

    public bool IsNumeric => Type is FieldType.Number or FieldType.Money or FieldType.Percentage;

    public bool IsText => Type is FieldType.Text or FieldType.LongText;
}

public enum CustomFieldTarget
{
    /// <summary>Every lead and customer.</summary>
    Lead,
    /// <summary>Customers (converted leads) only.</summary>
    Customer,
}

/// <summary>The key form of a field id ("cf_" + 32 hex digits).</summary>
public static class CustomFieldKeys
{
    public const string Prefix = "cf_";

    public static string Of(Guid id) => Prefix + id.ToString("N");

    public static bool TryParse(string? key, out Guid id)
    {
        id = Guid.Empty;
        return key is not null && key.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(key[Prefix.Length..], "N", out id);
    }
}
