using System.Text.Json.Serialization;

namespace LoanSaaS.Domain.Automation;

/// <summary>
/// A condition the agency builds in the visual builder: groups of All / Any / None over comparisons of a field with
/// values. Stored as JSON; compiled (never interpreted from text) by <see cref="ConditionCompiler"/> to an expression EF
/// translates to SQL, or to a delegate for one record.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ConditionGroup), "group")]
[JsonDerivedType(typeof(Comparison), "compare")]
public abstract record ConditionNode;

public enum GroupKind
{
    /// <summary>满足全部: every child holds (an empty group holds).</summary>
    All,

    /// <summary>满足任一: at least one child holds (an empty group does not).</summary>
    Any,

    /// <summary>都不满足: no child holds.</summary>
    None,
}

public sealed record ConditionGroup(GroupKind Kind, IReadOnlyList<ConditionNode> Children) : ConditionNode
{
    public static ConditionGroup AllOf(params ConditionNode[] children) => new(GroupKind.All, children);

    public static ConditionGroup AnyOf(params ConditionNode[] children) => new(GroupKind.Any, children);

    public static ConditionGroup NoneOf(params ConditionNode[] children) => new(GroupKind.None, children);
}

/// <param name="Field">A key of the record's <see cref="ConditionSchema{T}"/>.</param>
/// <param name="Values">Invariant text: numbers with '.', dates yyyy-MM-dd, enum and dictionary keys, a number of days.</param>
public sealed record Comparison(string Field, ConditionOperator Operator, IReadOnlyList<string> Values) : ConditionNode
{
    public static Comparison Of(string field, ConditionOperator op, params string[] values) => new(field, op, values);
}
