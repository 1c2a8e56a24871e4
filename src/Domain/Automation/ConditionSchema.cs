using System.Linq.Expressions;

namespace LoanSaaS.Domain.Automation;

/// <summary>Where the builder offers a field's choices from.</summary>
public enum OptionSource
{
    None,
    /// <summary>The values of the field's enum (意向等级, 征信情况 …).</summary>
    Enum,
    /// <summary>The agency's dictionary of the field's <see cref="ConditionField.Dictionary"/> kind (贷款类型, 来源).</summary>
    Dictionary,
    Stages,
    Members,
    Teams,
    Tags,
    /// <summary>The options of an agency's own select field (<see cref="ConditionField.Choices"/>).</summary>
    Custom,
    /// <summary>The agency's loan products, by id.</summary>
    Products,
    /// <summary>The names of the agency's loan types: products keep the name, leads the dictionary key.</summary>
    LoanTypeNames,
}

/// <summary>A schema as the condition builder sees it, whatever record its conditions read.</summary>
public interface IConditionSchema
{
    IReadOnlyCollection<ConditionField> Fields { get; }

    ConditionField? Find(string key);
}

/// <summary>
/// One field a condition may compare: its key, type and how to read it from a record, as an expression EF can
/// translate (a property, a property of a property, a value of a related row, or a collection of text for multi-selects).
/// Built-in fields are named by the UI from their key; an agency's own field carries its <see cref="Label"/> and <see cref="Choices"/>.
/// </summary>
public sealed record ConditionField(string Key, FieldType Type, LambdaExpression Accessor, OptionSource Options = OptionSource.None, string? Dictionary = null)
{
    public string? Label { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];
    /// <summary>An archived field: still evaluated in saved conditions, no longer offered.</summary>
    public bool Hidden { get; init; }

    /// <summary>The value's type without Nullable.</summary>
    public Type ValueType => Nullable.GetUnderlyingType(Accessor.ReturnType) ?? Accessor.ReturnType;

    public IReadOnlyList<ConditionOperator> Operators => ConditionOperators.For(Type);
}

/// <summary>The fields conditions over records of <typeparamref name="T"/> may use: built-in ones and the agency's own.</summary>
public sealed class ConditionSchema<T> : IConditionSchema
{
    private readonly Dictionary<string, ConditionField> _fields;

    public ConditionSchema(IEnumerable<ConditionField> fields) => _fields = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);

    public IReadOnlyCollection<ConditionField> Fields => _fields.Values;

    public ConditionField? Find(string key) => _fields.GetValueOrDefault(key);

    public static ConditionField Field<TValue>(string key, FieldType type, Expression<Func<T, TValue>> accessor, OptionSource options = OptionSource.None, string? dictionary = null) =>
        new(key, type, accessor, options, dictionary);
}
