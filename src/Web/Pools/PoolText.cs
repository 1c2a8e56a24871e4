using System.Globalization;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Web.Leads;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Pools;

/// <summary>Texts of pools and the condition builder (PoolText.resx = zh-CN, PoolText.en.resx), and a condition in words.</summary>
public sealed class PoolText
{
    public static string Field(IStringLocalizer<PoolText> t, string key) => t["Field." + key] is { ResourceNotFound: false } text ? text.Value : key;

    /// <summary>A built-in field by its key's text; the agency's own by its label.</summary>
    public static string Field(IStringLocalizer<PoolText> t, ConditionField field) => field.Label ?? Field(t, field.Key);

    public static string Operator(IStringLocalizer<PoolText> t, ConditionField? field, ConditionOperator op) =>
        field?.Type == FieldType.DateTime && op is ConditionOperator.GreaterOrEqual or ConditionOperator.LessThan ? t["DateTimeOp." + op] : t["Op." + op];

    public static string Error(IStringLocalizer<PoolText> t, FieldError error) => error.Field.StartsWith("Condition", StringComparison.Ordinal)
        ? t["Error.Condition", t["Code." + error.Code].Value]
        : t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value : t["Error.Unknown"].Value;

    /// <summary>A select field's choices: its enum's values in words, or the agency's lists.</summary>
    public static IReadOnlyList<(string Key, string Name)> Choices(ConditionField field, ConditionChoices? choices, IStringLocalizer<LeadText> l) => field.Options switch
    {
        OptionSource.Enum => Enum.GetValues(field.ValueType).Cast<Enum>().Select(v => (v.ToString(), LeadText.Enum(l, v))).ToList(),
        _ => choices?.For(field).Select(c => (c.Key, c.Name)).ToList() ?? [],
    };

    /// <summary>"意向等级 属于 A、B 且 申请金额（万元） 大于等于 50" — for the pools list.</summary>
    public static string Describe(ConditionNode node, IConditionSchema schema, IStringLocalizer<PoolText> t, IStringLocalizer<LeadText> l, ConditionChoices? choices, bool nested = false)
    {
        switch (node)
        {
            case ConditionGroup { Children.Count: 0 }:
                return t["Everyone"];
            case ConditionGroup g:
                var parts = g.Children.Select(c => Describe(c, schema, t, l, choices, nested: true));
                var text = string.Join(g.Kind == GroupKind.Any ? t["Or"] : t["And"], parts);
                if (g.Kind == GroupKind.None) return $"{t["Not"]}（{string.Join(t["Or"], parts)}）";
                return nested && g.Children.Count > 1 ? $"（{text}）" : text;
            case Comparison c:
                var field = schema.Find(c.Field);
                var name = field is null ? c.Field : Field(t, field);
                var named = field is null ? c.Values : c.Values.Select(v => Name(field, v, t, l, choices)).ToList();
                if (c.Operator is ConditionOperator.WithinLastDays or ConditionOperator.MoreThanDaysAgo or ConditionOperator.WithinNextDays)
                    return $"{name} {t["Describe." + c.Operator, c.Values.Count > 0 ? c.Values[0] : ""]}";
                var values = c.Operator == ConditionOperator.Between ? string.Join(" ~ ", named) : string.Join("、", named);
                return string.Join(" ", new[] { name, Operator(t, field, c.Operator), values }.Where(s => s.Length > 0));
            default:
                return "";
        }
    }

    private static string Name(ConditionField field, string value, IStringLocalizer<PoolText> t, IStringLocalizer<LeadText> l, ConditionChoices? choices)
    {
        if (field.Type == FieldType.YesNo) return value == "true" ? t["Yes"] : t["No"];
        if (field.Options is OptionSource.None or OptionSource.Tags or OptionSource.Custom) return value;
        return Choices(field, choices, l).FirstOrDefault(c => c.Key == value).Name ?? value;
    }

}
