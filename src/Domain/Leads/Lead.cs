namespace LoanSaaS.Domain.Leads;

/// <summary>
/// A person who may borrow, from first contact to (after <see cref="ConvertedAt"/>) a customer. Personal data is held
/// only sealed (encrypted + blind index + mask, see <see cref="SealedValue"/>); everything else is plain.
/// </summary>
public sealed class Lead
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public required string Name { get; set; }

    public SealedValue Mobile { get; set; } = SealedValue.Empty;
    public SealedValue IdNumber { get; set; } = SealedValue.Empty;
    /// <summary>Derived from the ID number; kept for age limits and product matching.</summary>
    public DateOnly? BirthDate { get; set; }
    public bool? IsMale { get; set; }

    public string? City { get; set; }
    /// <summary>Key of a <see cref="DictionaryKind.LoanType"/> item.</summary>
    public string? LoanType { get; set; }
    public decimal? AmountWan { get; set; }
    public string? Purpose { get; set; }
    public int? TermMonths { get; set; }
    public CreditStatus? CreditStatus { get; set; }
    /// <summary>Key of a <see cref="DictionaryKind.Source"/> item.</summary>
    public string? Source { get; set; }
    public IntentLevel? Intent { get; set; }
    public List<LeadTag> Tags { get; set; } = [];
    /// <summary>The agency's own fields (<see cref="CustomFields.CustomField"/>), archived ones included.</summary>
    public List<CustomFields.CustomFieldValue> CustomValues { get; set; } = [];

    public LeadStatus Status { get; set; } = LeadStatus.Active;
    public string? OwnerId { get; set; }
    /// <summary>The owner's team when assigned; team-scoped members see leads by this.</summary>
    public Guid? TeamId { get; set; }
    /// <summary>The assignment rule that decided where the lead went when it arrived (分配规则), for its timeline.</summary>
    public Guid? AssignedRuleId { get; set; }
    /// <summary>When the current owner got the lead (claim, hand-over, capture); reclaim rules count from it. Null while unowned.</summary>
    public DateTimeOffset? AssignedAt { get; set; }
    /// <summary>The reclaim deadline the owner was last warned of, so each deadline is warned of once across nodes.</summary>
    public DateTimeOffset? ReclaimWarnedFor { get; set; }

    public LeadChannel Channel { get; set; }
    public Guid? ImportId { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? LastFollowUpAt { get; set; }
    public DateTimeOffset? NextFollowUpAt { get; set; }
    /// <summary>How many follow-ups were logged (kept with each one so conditions and lists need not count them).</summary>
    public int FollowUpCount { get; set; }

    public string? ConsentVersion { get; set; }
    public DateTimeOffset? ConsentAt { get; set; }
    public LeadChannel? ConsentChannel { get; set; }

    public string? BlacklistReason { get; set; }
    public Guid? MergedIntoId { get; set; }
    public string? CustomerNumber { get; set; }
    public DateTimeOffset? ConvertedAt { get; set; }

    /// <summary>The funnel stage its card is in (<see cref="Funnels.FunnelStage"/>); new leads enter the default board's first stage.</summary>
    public Guid? StageId { get; set; }
    public DateTimeOffset? StageEnteredAt { get; set; }

    /// <summary>Concurrency token: every change increments it, a stale edit is refused.</summary>
    public long Version { get; set; }

    public bool IsCustomer => ConvertedAt is not null;

    public void EnterStage(Guid stageId, DateTimeOffset at)
    {
        StageId = stageId;
        StageEnteredAt = at;
    }

    /// <summary>Gives the lead to <paramref name="ownerId"/> (null: nobody); a new owner starts the reclaim clock at <paramref name="at"/>.</summary>
    public void AssignTo(string? ownerId, Guid? teamId, DateTimeOffset at)
    {
        if (ownerId != OwnerId || AssignedAt is null)
        {
            AssignedAt = ownerId is null ? null : at;
            ReclaimWarnedFor = null;
        }
        OwnerId = ownerId;
        TeamId = ownerId is null ? null : teamId;
    }
}
