using System.Globalization;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Infrastructure.CustomFields;
using FieldType = LoanSaaS.Domain.Automation.FieldType;

namespace LoanSaaS.Web.CustomFields;

/// <summary>The field dialog's inputs, as typed (limits as text, options one per line).</summary>
public sealed class CustomFieldDraft
{
    public Guid? Id { get; init; }
    public long Version { get; init; }
    public string? Label { get; set; }
    public FieldType Type { get; set; } = FieldType.Text;
    public CustomFieldTarget Target { get; set; }
    public bool Required { get; set; }
    public bool ShowInList { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? Pattern { get; set; }
    public string? Hint { get; set; }
    public string? Options { get; set; }

    public bool HasOptions => Type is FieldType.SingleSelect or FieldType.MultiSelect;
    public bool HasRange => Type is FieldType.Number or FieldType.Money or FieldType.Percentage or FieldType.Text or FieldType.LongText;
    public bool HasPattern => Type is FieldType.Text or FieldType.LongText;

    public static CustomFieldDraft From(CustomField field, bool existing) => new()
    {
        Id = existing ? field.Id : null, Version = field.Version, Label = field.Label, Type = field.Type, Target = field.Target, Required = field.Required,
        ShowInList = field.ShowInList, Min = Number(field.Min), Max = Number(field.Max), Pattern = field.Pattern, Hint = field.Hint,
        Options = string.Join('\n', field.Options),
    };

    /// <summary>The request; a limit that is not a number is reported by the caller before this is sent.</summary>
    public SaveCustomFieldRequest ToRequest() => new(Id, Version, Label, Type, Target, Required,
        HasRange ? Parse(Min) : null, HasRange ? Parse(Max) : null, HasPattern ? Pattern : null, Hint,
        HasOptions ? (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [], ShowInList);

    /// <summary>"Min" / "Max" when typed but not a number.</summary>
    public IEnumerable<string> UnreadableLimits()
    {
        if (!HasRange) yield break;
        if (!string.IsNullOrWhiteSpace(Min) && Parse(Min) is null) yield return "Min";
        if (!string.IsNullOrWhiteSpace(Max) && Parse(Max) is null) yield return "Max";
    }

    private static decimal? Parse(string? text) =>
        decimal.TryParse(text?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Number(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);
}
