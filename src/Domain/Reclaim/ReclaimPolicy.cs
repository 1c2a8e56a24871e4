using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Reclaim;

/// <summary>What the reclaim rules need to know about one lead.</summary>
/// <param name="AssignedAt">When its current owner got it (<see cref="Lead.AssignedAt"/>).</param>
/// <param name="WarnedFor">The deadline its owner was last warned of (<see cref="Lead.ReclaimWarnedFor"/>).</param>
public sealed record ReclaimFacts(
    LeadStatus Status, bool IsCustomer, string? OwnerId, DateTimeOffset? AssignedAt, DateTimeOffset? LastFollowUpAt, DateTimeOffset? StageEnteredAt,
    DateTimeOffset? WarnedFor = null)
{
    public static ReclaimFacts Of(Lead lead) =>
        new(lead.Status, lead.IsCustomer, lead.OwnerId, lead.AssignedAt, lead.LastFollowUpAt, lead.StageEnteredAt, lead.ReclaimWarnedFor);
}

/// <summary>When a lead goes back to the pool, and which limit runs out then ("24 小时未联系": NotContacted, 24).</summary>
public sealed record ReclaimDeadline(DateTimeOffset At, ReclaimLimit Limit, int Amount);

public enum ReclaimAction { None, Warn, Reclaim }

public sealed record ReclaimDecision(ReclaimAction Action, ReclaimDeadline? Deadline)
{
    public static readonly ReclaimDecision None = new(ReclaimAction.None, null);
}

/// <summary>
/// The reclaim rules' decision for one lead, pure. Only an owned, active lead that is not a customer can be reclaimed.
/// "Contacted" is a follow-up logged at or after the assignment; "no follow-up" and "no stage advance" count from the
/// later of the assignment and the last follow-up / stage entry, so a lead just claimed or handed over gets its full period.
/// </summary>
public static class ReclaimPolicy
{
    /// <summary>The earliest deadline of the rule's limits for the lead; null when the lead cannot be reclaimed.</summary>
    public static ReclaimDeadline? DeadlineOf(ReclaimFacts lead, ReclaimRule rule)
    {
        if (lead.Status != LeadStatus.Active || lead.IsCustomer || lead.OwnerId is null || lead.AssignedAt is not { } assigned) return null;
        ReclaimDeadline? earliest = null;
        void Consider(DateTimeOffset at, ReclaimLimit limit, int amount)
        {
            if (earliest is null || at < earliest.At) earliest = new ReclaimDeadline(at, limit, amount);
        }
        var contacted = lead.LastFollowUpAt is { } last && last >= assigned;
        if (rule.NotContactedHours is { } hours && !contacted) Consider(assigned.AddHours(hours), ReclaimLimit.NotContacted, hours);
        if (rule.NoFollowUpDays is { } days) Consider(Later(assigned, lead.LastFollowUpAt).AddDays(days), ReclaimLimit.NoFollowUp, days);
        if (rule.NoStageAdvanceDays is { } stageDays) Consider(Later(assigned, lead.StageEnteredAt).AddDays(stageDays), ReclaimLimit.NoStageAdvance, stageDays);
        return earliest;
    }

    /// <summary>
    /// Reclaim once the deadline has come; warn once the warning window has opened, unless this deadline was warned of already.
    /// </summary>
    public static ReclaimDecision Decide(ReclaimFacts lead, ReclaimRule rule, DateTimeOffset now)
    {
        if (DeadlineOf(lead, rule) is not { } deadline) return ReclaimDecision.None;
        if (deadline.At <= now) return new ReclaimDecision(ReclaimAction.Reclaim, deadline);
        if (rule.WarnHoursBefore > 0 && deadline.At.AddHours(-rule.WarnHoursBefore) <= now && lead.WarnedFor != deadline.At)
            return new ReclaimDecision(ReclaimAction.Warn, deadline);
        return ReclaimDecision.None;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } x && x > a ? x : a;
}
