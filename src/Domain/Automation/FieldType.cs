namespace LoanSaaS.Domain.Automation;

/// <summary>The kinds of field a condition (and, with custom fields, a form) knows.</summary>
public enum FieldType
{
    Text,
    LongText,
    Number,
    /// <summary>An amount in 万元.</summary>
    Money,
    Percentage,
    Date,
    /// <summary>An instant (created, last follow-up, entered stage …): compared by days from now.</summary>
    DateTime,
    SingleSelect,
    MultiSelect,
    YesNo,
    Mobile,
    IdNumber,
}
