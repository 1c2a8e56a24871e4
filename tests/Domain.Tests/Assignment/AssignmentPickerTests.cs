using LoanSaaS.Domain.Assignment;

namespace LoanSaaS.Domain.Tests.Assignment;

public sealed class AssignmentPickerTests
{
    private static AssignmentCandidate Member(string id, int open = 0, int weight = 1, bool available = true, string? region = null) =>
        new(id, null, region, open, weight, available);

    private static Dictionary<string, int> Deal(AssignmentPicker picker, int leads, string? city = null)
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < leads; i++)
        {
            var owner = picker.Pick(city);
            Assert.NotNull(owner);
            counts[owner] = counts.GetValueOrDefault(owner) + 1;
        }
        return counts;
    }

    [Fact]
    public void Ten_thousand_leads_round_robined_over_seven_members_differ_by_at_most_one()
    {
        var members = Enumerable.Range(1, 7).Select(i => Member("u" + i)).ToList();

        var counts = Deal(new AssignmentPicker(AssignmentStrategy.RoundRobin, members, null, cursor: 12_345), 10_000);

        Assert.Equal(7, counts.Count);
        Assert.InRange(counts.Values.Max() - counts.Values.Min(), 0, 1);
        Assert.Equal(10_000, counts.Values.Sum());
    }

    [Fact]
    public void Batches_continue_the_turn_where_the_last_one_stopped()
    {
        var members = new[] { Member("a"), Member("b"), Member("c") };
        var first = new AssignmentPicker(AssignmentStrategy.RoundRobin, members, null, 0);
        Assert.Equal(["a", "b"], [first.Pick(null)!, first.Pick(null)!]);
        Assert.Equal(2, first.Used);

        var second = new AssignmentPicker(AssignmentStrategy.RoundRobin, members, null, first.Used);
        Assert.Equal(["c", "a"], [second.Pick(null)!, second.Pick(null)!]);
    }

    [Fact]
    public void Members_away_inactive_or_at_the_holding_cap_are_skipped_and_nobody_left_means_no_owner()
    {
        var members = new[] { Member("a", open: 9), Member("b", available: false), Member("c", open: 0) };
        var picker = new AssignmentPicker(AssignmentStrategy.RoundRobin, members, holdingCap: 10, 0);

        var picks = Enumerable.Range(0, 12).Select(_ => picker.Pick(null)).ToList();

        Assert.Equal(1, picks.Count(p => p == "a"));
        Assert.DoesNotContain("b", picks);
        Assert.Equal(10, picks.Count(p => p == "c"));
        Assert.Null(picks[^1]);
    }

    [Fact]
    public void Least_loaded_fills_the_emptiest_member_first_and_then_evens_out()
    {
        var picker = new AssignmentPicker(AssignmentStrategy.LeastLoaded, [Member("a", open: 5), Member("b", open: 2), Member("c", open: 0)], null, 0);

        var counts = Deal(picker, 9);

        // c catches up with b (2), then b and c alternate up to a (5), then all three are level.
        Assert.Equal((1, 3, 5), (counts.GetValueOrDefault("a"), counts["b"], counts["c"]));
    }

    [Fact]
    public void Weighted_turns_follow_the_weights_and_are_spread_not_bunched()
    {
        var members = new[] { Member("a", weight: 3), Member("b", weight: 1) };
        Assert.Equal(["a", "a", "b", "a"], AssignmentPicker.WeightedCycle(members).Select(m => m.UserId));

        var counts = Deal(new AssignmentPicker(AssignmentStrategy.Weighted, members, null, 0), 400);

        Assert.Equal((300, 100), (counts["a"], counts["b"]));
    }

    [Fact]
    public void By_region_prefers_members_whose_region_matches_the_city_else_everyone()
    {
        var members = new[] { Member("sh1", region: "上海"), Member("sh2", region: "上海"), Member("hz", region: "杭州") };
        var picker = new AssignmentPicker(AssignmentStrategy.ByRegion, members, null, 0);

        Assert.Equal("sh1 sh2 sh1", string.Join(' ', picker.Pick("上海市"), picker.Pick("上海"), picker.Pick("上海浦东")));
        Assert.Equal("hz", picker.Pick("杭州"));
        Assert.NotNull(picker.Pick("成都"));
        Assert.NotNull(picker.Pick(null));
    }

    [Fact]
    public void A_rule_is_checked_before_it_is_saved()
    {
        static string Problems(AssignmentRule rule) => string.Join(",", AssignmentRuleChecks.Check(rule).Select(e => $"{e.Field}.{e.Code}"));
        AssignmentRule Rule(AssignmentTarget target, AssignmentStrategy strategy, params AssignmentMember[] members) =>
            new() { Name = "上海网站线索", Condition = LoanSaaS.Domain.Automation.ConditionGroup.AllOf(), Target = target, Strategy = strategy, Members = [.. members] };

        Assert.Equal("", Problems(Rule(AssignmentTarget.Members, AssignmentStrategy.Weighted, new AssignmentMember("a", 3), new AssignmentMember("b"))));
        Assert.Equal("Members.Required", Problems(Rule(AssignmentTarget.Members, AssignmentStrategy.RoundRobin)));
        Assert.Equal("Members.Invalid", Problems(Rule(AssignmentTarget.Members, AssignmentStrategy.RoundRobin, new AssignmentMember("a"), new AssignmentMember("a"))));
        Assert.Equal("Members.Weight", Problems(Rule(AssignmentTarget.Members, AssignmentStrategy.Weighted, new AssignmentMember("a", 11))));
        Assert.Equal("Team.Required", Problems(Rule(AssignmentTarget.Team, AssignmentStrategy.RoundRobin)));
        Assert.Equal("Team.Required,Strategy.WeightsNeedMembers", Problems(Rule(AssignmentTarget.Team, AssignmentStrategy.Weighted)));
        var unnamed = Rule(AssignmentTarget.PublicPool, AssignmentStrategy.RoundRobin);
        unnamed.Name = " ";
        Assert.Equal("Name.Required", Problems(unnamed));
    }
}
