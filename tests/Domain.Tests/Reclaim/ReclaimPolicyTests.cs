using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Reclaim;

namespace LoanSaaS.Domain.Tests.Reclaim;

public sealed class ReclaimPolicyTests
{
    private static readonly DateTimeOffset Assigned = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static ReclaimRule Rule(int? hours = null, int? days = null, int? stageDays = null, int warn = 0) => new()
    {
        Name = "r", Condition = ConditionGroup.AllOf(), NotContactedHours = hours, NoFollowUpDays = days, NoStageAdvanceDays = stageDays, WarnHoursBefore = warn,
    };

    private static ReclaimFacts Lead(DateTimeOffset? lastFollowUp = null, DateTimeOffset? stageEntered = null, DateTimeOffset? warnedFor = null,
        LeadStatus status = LeadStatus.Active, bool customer = false, string? owner = "u1", DateTimeOffset? assigned = null) =>
        new(status, customer, owner, assigned ?? Assigned, lastFollowUp, stageEntered, warnedFor);

    [Fact]
    public void A_lead_not_contacted_is_reclaimed_when_the_hours_have_passed_and_not_a_moment_before()
    {
        var rule = Rule(hours: 24);

        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(), rule, Assigned.AddHours(24).AddSeconds(-1)).Action);
        var decision = ReclaimPolicy.Decide(Lead(), rule, Assigned.AddHours(24));

        Assert.Equal(ReclaimAction.Reclaim, decision.Action);
        Assert.Equal(new ReclaimDeadline(Assigned.AddHours(24), ReclaimLimit.NotContacted, 24), decision.Deadline);
    }

    [Fact]
    public void A_follow_up_after_the_assignment_counts_as_contact_but_one_before_it_does_not()
    {
        var rule = Rule(hours: 24);
        var late = Assigned.AddHours(30);

        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(lastFollowUp: Assigned.AddHours(1)), rule, late).Action);
        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(lastFollowUp: Assigned), rule, late).Action);
        Assert.Equal(ReclaimAction.Reclaim, ReclaimPolicy.Decide(Lead(lastFollowUp: Assigned.AddMinutes(-1)), rule, late).Action);
    }

    [Fact]
    public void No_follow_up_counts_from_the_last_follow_up_or_from_the_assignment_when_that_is_later()
    {
        var rule = Rule(days: 3);

        Assert.Equal(Assigned.AddDays(3), ReclaimPolicy.DeadlineOf(Lead(), rule)!.At);
        Assert.Equal(Assigned.AddDays(3), ReclaimPolicy.DeadlineOf(Lead(lastFollowUp: Assigned.AddDays(-10)), rule)!.At);
        var deadline = ReclaimPolicy.DeadlineOf(Lead(lastFollowUp: Assigned.AddDays(2)), rule)!;
        Assert.Equal(new ReclaimDeadline(Assigned.AddDays(5), ReclaimLimit.NoFollowUp, 3), deadline);
        Assert.Equal(ReclaimAction.Reclaim, ReclaimPolicy.Decide(Lead(lastFollowUp: Assigned.AddDays(2)), rule, Assigned.AddDays(5)).Action);
        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(lastFollowUp: Assigned.AddDays(2)), rule, Assigned.AddDays(5).AddTicks(-1)).Action);
    }

    [Fact]
    public void No_stage_advance_counts_from_the_stage_entry_and_a_freshly_claimed_lead_gets_its_full_period()
    {
        var rule = Rule(stageDays: 7);

        Assert.Equal(new ReclaimDeadline(Assigned.AddDays(8), ReclaimLimit.NoStageAdvance, 7), ReclaimPolicy.DeadlineOf(Lead(stageEntered: Assigned.AddDays(1)), rule));
        Assert.Equal(Assigned.AddDays(7), ReclaimPolicy.DeadlineOf(Lead(stageEntered: Assigned.AddDays(-30)), rule)!.At);
        Assert.Equal(Assigned.AddDays(7), ReclaimPolicy.DeadlineOf(Lead(stageEntered: null), rule)!.At);
    }

    [Fact]
    public void The_earliest_limit_decides_and_names_itself()
    {
        var rule = Rule(hours: 24, days: 3, stageDays: 7);

        Assert.Equal(ReclaimLimit.NotContacted, ReclaimPolicy.DeadlineOf(Lead(), rule)!.Limit);
        var contacted = Lead(lastFollowUp: Assigned.AddHours(2), stageEntered: Assigned.AddDays(-20));
        Assert.Equal(new ReclaimDeadline(Assigned.AddHours(2).AddDays(3), ReclaimLimit.NoFollowUp, 3), ReclaimPolicy.DeadlineOf(contacted, rule));
        var busy = Lead(lastFollowUp: Assigned.AddDays(6), stageEntered: Assigned);
        Assert.Equal(new ReclaimDeadline(Assigned.AddDays(7), ReclaimLimit.NoStageAdvance, 7), ReclaimPolicy.DeadlineOf(busy, rule));
    }

    [Fact]
    public void Limits_left_empty_never_apply()
    {
        Assert.Null(ReclaimPolicy.DeadlineOf(Lead(), Rule()));
        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(), Rule(), Assigned.AddYears(5)).Action);
        Assert.Null(ReclaimPolicy.DeadlineOf(Lead(lastFollowUp: Assigned.AddHours(1)), Rule(hours: 24)));
    }

    [Theory]
    [InlineData(LeadStatus.PublicPool)]
    [InlineData(LeadStatus.Blacklisted)]
    [InlineData(LeadStatus.Merged)]
    public void Leads_that_are_not_active_are_never_reclaimed(LeadStatus status)
    {
        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(status: status), Rule(hours: 1, days: 1, stageDays: 1), Assigned.AddYears(1)).Action);
    }

    [Fact]
    public void Customers_unowned_leads_and_leads_without_an_assignment_time_are_never_reclaimed()
    {
        var rule = Rule(hours: 1, days: 1, stageDays: 1);
        var later = Assigned.AddYears(1);

        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(customer: true), rule, later).Action);
        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(owner: null), rule, later).Action);
        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(new ReclaimFacts(LeadStatus.Active, false, "u1", null, null, null), rule, later).Action);
    }

    [Fact]
    public void The_owner_is_warned_once_the_window_opens_and_once_per_deadline()
    {
        var rule = Rule(hours: 24, warn: 4);
        var deadline = Assigned.AddHours(24);

        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(), rule, deadline.AddHours(-4).AddSeconds(-1)).Action);
        var warn = ReclaimPolicy.Decide(Lead(), rule, deadline.AddHours(-4));
        Assert.Equal(ReclaimAction.Warn, warn.Action);
        Assert.Equal(new ReclaimDeadline(deadline, ReclaimLimit.NotContacted, 24), warn.Deadline);

        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(warnedFor: deadline), rule, deadline.AddHours(-1)).Action);
        Assert.Equal(ReclaimAction.Reclaim, ReclaimPolicy.Decide(Lead(warnedFor: deadline), rule, deadline).Action);
    }

    [Fact]
    public void A_deadline_moved_by_a_follow_up_is_warned_of_again()
    {
        var rule = Rule(days: 3, warn: 4);
        var first = Assigned.AddDays(3);
        var followUp = first.AddHours(-2);
        var moved = followUp.AddDays(3);

        var decision = ReclaimPolicy.Decide(Lead(lastFollowUp: followUp, warnedFor: first), rule, moved.AddHours(-3));

        Assert.Equal(ReclaimAction.Warn, decision.Action);
        Assert.Equal(moved, decision.Deadline!.At);
    }

    [Fact]
    public void Without_a_warning_time_the_lead_is_only_reclaimed()
    {
        var rule = Rule(hours: 24);

        Assert.Equal(ReclaimAction.None, ReclaimPolicy.Decide(Lead(), rule, Assigned.AddHours(23.9)).Action);
    }
}
