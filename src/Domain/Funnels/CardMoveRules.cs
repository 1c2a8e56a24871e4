using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Funnels;

public enum MoveRefusal
{
    None,
    /// <summary>Someone changed or moved the card since the mover saw it.</summary>
    ChangedByOthers,
    SameStage,
    /// <summary>The target stage is archived.</summary>
    StageUnavailable,
    MissingFields,
    WipLimitReached,
}

/// <param name="Missing">The target stage's required fields the lead has not filled (for <see cref="MoveRefusal.MissingFields"/>).</param>
public sealed record MoveCheck(MoveRefusal Refusal, IReadOnlyList<StageRequirement> Missing)
{
    public static readonly MoveCheck Allowed = new(MoveRefusal.None, []);
    public bool IsAllowed => Refusal == MoveRefusal.None;
}

/// <summary>Whether a card may move to a stage: the card's version, the stage's state, its entry requirements and WIP limit.</summary>
public static class CardMoveRules
{
    /// <param name="cardsInTarget">Active cards already in the target stage, across the whole agency.</param>
    public static MoveCheck Check(Lead lead, long expectedVersion, FunnelStage? from, FunnelStage to, int cardsInTarget)
    {
        if (lead.Version != expectedVersion) return new(MoveRefusal.ChangedByOthers, []);
        if (from?.Id == to.Id) return new(MoveRefusal.SameStage, []);
        // A lead is on one board at a time: a stage of another board moves it to that pipeline, under the same rules.
        if (to.IsArchived) return new(MoveRefusal.StageUnavailable, []);
        var missing = Missing(to, lead);
        if (missing.Count > 0) return new(MoveRefusal.MissingFields, missing);
        if (to.WipLimit is { } limit && cardsInTarget >= limit) return new(MoveRefusal.WipLimitReached, []);
        return MoveCheck.Allowed;
    }

    public static IReadOnlyList<StageRequirement> Missing(FunnelStage stage, Lead lead) =>
        stage.Requirements.Where(r => !IsFilled(r, lead)).ToList();

    public static bool IsFilled(StageRequirement requirement, Lead lead) => requirement switch
    {
        StageRequirement.IdNumber => lead.IdNumber.HasValue,
        StageRequirement.City => !string.IsNullOrWhiteSpace(lead.City),
        StageRequirement.LoanType => !string.IsNullOrWhiteSpace(lead.LoanType),
        StageRequirement.Amount => lead.AmountWan is > 0,
        StageRequirement.Term => lead.TermMonths is > 0,
        StageRequirement.Purpose => !string.IsNullOrWhiteSpace(lead.Purpose),
        StageRequirement.CreditStatus => lead.CreditStatus is not null,
        StageRequirement.Intent => lead.Intent is not null,
        StageRequirement.NextFollowUp => lead.NextFollowUpAt is not null,
        _ => true,
    };
}
