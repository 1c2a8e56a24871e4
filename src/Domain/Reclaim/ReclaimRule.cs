using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Reclaim;

/// <summary>
/// 公海回收规则: an owned lead within <see cref="Condition"/> goes back to the public pool when one of its limits runs
/// out (not contacted within N hours of assignment, no follow-up for N days, no stage advance for N days); its owner is
/// warned <see cref="WarnHoursBefore"/> ahead. Rules are tried in <see cref="Order"/>: the first enabled rule whose
/// condition the lead meets decides for it, so "tiered by intent or loan type" is a rule per tier.
/// </summary>
public sealed class ReclaimRule : IOrderedRule
{
    public const int MaxNameLength = 30;
    public const int MaxHours = 720;
    public const int MaxDays = 365;
    public const int MaxWarnHours = 72;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public int Order { get; set; }
    public bool IsEnabled { get; set; } = true;
    /// <summary>Which leads the rule covers; an empty All group covers every lead.</summary>
    public required ConditionNode Condition { get; set; }
    /// <summary>分配后 N 小时未联系: no follow-up logged within this many hours of the owner getting the lead.</summary>
    public int? NotContactedHours { get; set; }
    /// <summary>N 天未跟进: no follow-up for this many days (counted from the assignment when none came after it).</summary>
    public int? NoFollowUpDays { get; set; }
    /// <summary>N 天未推进: the card stayed in its stage this many days (counted from the assignment when that is later).</summary>
    public int? NoStageAdvanceDays { get; set; }
    /// <summary>How long before the deadline the owner is warned; 0 for no warning.</summary>
    public int WarnHoursBefore { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool IsArchived { get; set; }
    public long Version { get; set; }

    public bool HasLimit => NotContactedHours is not null || NoFollowUpDays is not null || NoStageAdvanceDays is not null;
}

public enum ReclaimLimit
{
    /// <summary>分配后 N 小时未联系.</summary>
    NotContacted,
    /// <summary>N 天未跟进.</summary>
    NoFollowUp,
    /// <summary>N 天未推进.</summary>
    NoStageAdvance,
}
