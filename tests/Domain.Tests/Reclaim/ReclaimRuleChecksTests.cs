using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Reclaim;

namespace LoanSaaS.Domain.Tests.Reclaim;

public sealed class ReclaimRuleChecksTests
{
    private static ReclaimRule Rule(string name = "A/B 意向", int? hours = 24, int? days = null, int? stageDays = null, int warn = 4) => new()
    {
        Name = name, Condition = ConditionGroup.AllOf(), NotContactedHours = hours, NoFollowUpDays = days, NoStageAdvanceDays = stageDays, WarnHoursBefore = warn,
    };

    [Fact]
    public void A_rule_with_a_name_and_one_limit_is_fine()
    {
        Assert.Empty(ReclaimRuleChecks.Check(Rule()));
        Assert.Empty(ReclaimRuleChecks.Check(Rule(hours: null, days: 3, warn: 0)));
        Assert.Empty(ReclaimRuleChecks.Check(Rule(hours: ReclaimRule.MaxHours, days: ReclaimRule.MaxDays, stageDays: 1, warn: ReclaimRule.MaxWarnHours)));
    }

    [Fact]
    public void A_rule_needs_a_name_of_at_most_thirty_characters_and_at_least_one_limit()
    {
        Assert.Contains(("Name", "Required"), ReclaimRuleChecks.Check(Rule(name: "  ")));
        Assert.Contains(("Name", "TooLong"), ReclaimRuleChecks.Check(Rule(name: new string('长', ReclaimRule.MaxNameLength + 1))));
        Assert.Contains(("Limits", "Required"), ReclaimRuleChecks.Check(Rule(hours: null)));
    }

    [Theory]
    [InlineData(0, null, null, 0, "NotContactedHours")]
    [InlineData(ReclaimRule.MaxHours + 1, null, null, 0, "NotContactedHours")]
    [InlineData(null, 0, null, 0, "NoFollowUpDays")]
    [InlineData(null, ReclaimRule.MaxDays + 1, null, 0, "NoFollowUpDays")]
    [InlineData(null, null, -1, 0, "NoStageAdvanceDays")]
    [InlineData(24, null, null, -1, "WarnHoursBefore")]
    [InlineData(24, null, null, ReclaimRule.MaxWarnHours + 1, "WarnHoursBefore")]
    public void Numbers_out_of_range_are_refused(int? hours, int? days, int? stageDays, int warn, string field)
    {
        Assert.Contains((field, "Range"), ReclaimRuleChecks.Check(Rule(hours: hours, days: days, stageDays: stageDays, warn: warn)));
    }

    [Fact]
    public void The_default_rules_are_valid_and_tiered_by_intent()
    {
        var rules = DefaultReclaimRules.All(DateTimeOffset.UnixEpoch);

        Assert.All(rules, r => Assert.Empty(ReclaimRuleChecks.Check(r)));
        Assert.All(rules, r => Assert.Empty(ConditionCompiler.Validate(r.Condition, LeadConditions.Schema)));
        Assert.Equal([0, 1], rules.Select(r => r.Order));
    }
}
