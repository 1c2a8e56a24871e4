using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Web.Pools;

/// <summary>The builder's editable copy of a condition tree (conditions themselves are immutable records).</summary>
public abstract class ConditionDraft
{
    public abstract ConditionNode ToCondition();

    public static ConditionDraft From(ConditionNode node) => node switch
    {
        ConditionGroup g => new GroupDraft { Kind = g.Kind, Children = g.Children.Select(From).ToList() },
        Comparison c => new ComparisonDraft { Field = c.Field, Operator = c.Operator, Values = [.. c.Values] },
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}

public sealed class GroupDraft : ConditionDraft
{
    public GroupKind Kind { get; set; } = GroupKind.All;
    public List<ConditionDraft> Children { get; set; } = [];

    public override ConditionNode ToCondition() => new ConditionGroup(Kind, Children.Select(c => c.ToCondition()).ToList());

    /// <summary>A new pool's starting point: one empty comparison under "all of".</summary>
    public static GroupDraft Start() => new() { Children = [new ComparisonDraft()] };
}

public sealed class ComparisonDraft : ConditionDraft
{
    public string Field { get; set; } = "";
    public ConditionOperator Operator { get; set; }
    public List<string> Values { get; set; } = [];

    /// <summary>Values as many as the operator takes (blank ones are refused by validation).</summary>
    public override ConditionNode ToCondition()
    {
        var count = ConditionOperators.ValueCount(Operator);
        var values = count < 0 ? Values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() : Values.Concat(Enumerable.Repeat("", Math.Max(0, count - Values.Count))).Take(count).ToList();
        return new Comparison(Field, Operator, values);
    }
}
