using System.Text.Json;
using LoanSaaS.Domain.Automation;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Domain.Tests.Automation;

public sealed class ConditionCompilerTests
{
    public static TheoryData<string> CaseNames() => [.. ConditionSamples.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Every_operator_and_field_type_selects_the_expected_leads_in_memory(string name)
    {
        var (_, condition, expected) = ConditionSamples.Cases.Single(c => c.Name == name);
        Assert.Empty(ConditionCompiler.Validate(condition, ConditionSamples.Schema));

        var matches = ConditionCompiler.Predicate(condition, ConditionSamples.Schema, ConditionSamples.Now);

        Assert.Equal(expected, ConditionSamples.Leads().Where(matches).Select(l => l.Name).ToArray());
    }

    [Fact]
    public void Invalid_conditions_say_where_and_why_and_do_not_compile()
    {
        var condition = ConditionGroup.AllOf(
            Comparison.Of("Nope", EqualTo, "x"),
            Comparison.Of("City", GreaterThan, "上海"),
            Comparison.Of("AmountWan", Between, "10"),
            Comparison.Of("AmountWan", EqualTo, "十万"),
            Comparison.Of("Intent", EqualTo, "E"),
            Comparison.Of("Intent", EqualTo, "1"),
            Comparison.Of("CreatedAt", WithinLastDays, "-3"),
            Comparison.Of("Mobile", EqualTo, "13800000000"),
            ConditionGroup.AnyOf(),
            Comparison.Of("TeamId", EqualTo, "not-a-guid"));

        Assert.Equal(
            [new("0", "UnknownField"), new("1", "OperatorNotAllowed"), new("2", "ValuesMissing"), new("3", "ValueInvalid"), new("4", "ValueInvalid"),
             new("5", "ValueInvalid"), new("6", "ValueInvalid"), new("7", "OperatorNotAllowed"), new("8", "EmptyGroup"), new("9", "ValueInvalid")],
            ConditionCompiler.Validate(condition, LeadConditions.Schema));
        Assert.Throws<ArgumentException>(() => ConditionCompiler.ToExpression(condition, LeadConditions.Schema, ConditionSamples.Now));
    }

    [Fact]
    public void Depth_and_size_are_bounded()
    {
        ConditionNode deep = Comparison.Of("City", IsEmpty);
        for (var i = 0; i < ConditionCompiler.MaxDepth + 1; i++) deep = ConditionGroup.AllOf(deep);
        Assert.Contains(ConditionCompiler.Validate(deep, LeadConditions.Schema), e => e.Code == "TooDeep");

        var big = new ConditionGroup(GroupKind.Any, Enumerable.Range(0, ConditionCompiler.MaxComparisons + 1).Select(_ => (ConditionNode)Comparison.Of("City", IsEmpty)).ToList());
        Assert.Equal([new ConditionError("", "TooBig")], ConditionCompiler.Validate(big, LeadConditions.Schema));
    }

    [Fact]
    public void A_condition_round_trips_through_json_as_stored()
    {
        var condition = ConditionGroup.AllOf(Comparison.Of("Intent", In, "A", "B"), ConditionGroup.NoneOf(Comparison.Of("Tags", Contains, "黑户")));

        var json = JsonSerializer.Serialize<ConditionNode>(condition);
        var back = JsonSerializer.Deserialize<ConditionNode>(json)!;

        Assert.Contains("\"type\":\"group\"", json, StringComparison.Ordinal);
        var matches = ConditionCompiler.Predicate(back, LeadConditions.Schema, ConditionSamples.Now);
        Assert.Equal(["甲", "乙"], ConditionSamples.Leads().Where(matches).Select(l => l.Name));
    }

    [Fact]
    public void Each_field_type_offers_only_operators_that_fit_it()
    {
        Assert.DoesNotContain(GreaterThan, ConditionOperators.For(FieldType.Text));
        Assert.Equal([IsEmpty, IsNotEmpty], ConditionOperators.For(FieldType.Mobile));
        Assert.Contains(MoreThanDaysAgo, ConditionOperators.For(FieldType.DateTime));
        Assert.All(LeadConditions.Schema.Fields, f => Assert.NotEmpty(f.Operators));
    }
}
