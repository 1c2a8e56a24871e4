namespace LoanSaaS.Domain.Automation;

/// <summary>What a comparison asks of a field's value; <see cref="ConditionOperators.For"/> lists those fitting a field type.</summary>
public enum ConditionOperator
{
    /// <summary>等于</summary>
    EqualTo,
    /// <summary>不等于 (an empty value is "not equal")</summary>
    NotEqualTo,
    /// <summary>大于</summary>
    GreaterThan,
    /// <summary>大于等于</summary>
    GreaterOrEqual,
    /// <summary>小于</summary>
    LessThan,
    /// <summary>小于等于</summary>
    LessOrEqual,
    /// <summary>介于 (both ends included)</summary>
    Between,
    /// <summary>包含 (text contains / a multi-select holds the value)</summary>
    Contains,
    /// <summary>不包含</summary>
    NotContains,
    /// <summary>为空</summary>
    IsEmpty,
    /// <summary>不为空</summary>
    IsNotEmpty,
    /// <summary>属于 (one of the values)</summary>
    In,
    /// <summary>不属于</summary>
    NotIn,
    /// <summary>最近 N 天内 (a time within the last N days)</summary>
    WithinLastDays,
    /// <summary>超过 N 天 (a time more than N days ago, e.g. no follow-up for N days)</summary>
    MoreThanDaysAgo,
    /// <summary>未来 N 天内 (a time from now to N days ahead)</summary>
    WithinNextDays,
}

/// <summary>How many values each operator takes, and which operators fit which field type.</summary>
public static class ConditionOperators
{
    public static int ValueCount(ConditionOperator op) => op switch
    {
        ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty => 0,
        ConditionOperator.Between => 2,
        ConditionOperator.In or ConditionOperator.NotIn => -1,
        _ => 1,
    };

    private static readonly ConditionOperator[] Ordered =
        [ConditionOperator.EqualTo, ConditionOperator.NotEqualTo, ConditionOperator.GreaterThan, ConditionOperator.GreaterOrEqual, ConditionOperator.LessThan,
         ConditionOperator.LessOrEqual, ConditionOperator.Between, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty];

    public static IReadOnlyList<ConditionOperator> For(FieldType type) => type switch
    {
        FieldType.Text or FieldType.LongText =>
            [ConditionOperator.EqualTo, ConditionOperator.NotEqualTo, ConditionOperator.Contains, ConditionOperator.NotContains, ConditionOperator.In, ConditionOperator.NotIn,
             ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        FieldType.Number or FieldType.Money or FieldType.Percentage => Ordered,
        FieldType.Date => [.. Ordered, ConditionOperator.WithinLastDays, ConditionOperator.MoreThanDaysAgo, ConditionOperator.WithinNextDays],
        FieldType.DateTime =>
            [ConditionOperator.WithinLastDays, ConditionOperator.MoreThanDaysAgo, ConditionOperator.WithinNextDays, ConditionOperator.GreaterOrEqual, ConditionOperator.LessThan,
             ConditionOperator.Between, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        FieldType.SingleSelect =>
            [ConditionOperator.EqualTo, ConditionOperator.NotEqualTo, ConditionOperator.In, ConditionOperator.NotIn, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        FieldType.MultiSelect => [ConditionOperator.Contains, ConditionOperator.NotContains, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        FieldType.YesNo => [ConditionOperator.EqualTo],
        // Sealed personal data is never compared by value in a condition: only whether it was given.
        FieldType.Mobile or FieldType.IdNumber => [ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty],
        _ => [],
    };
}
