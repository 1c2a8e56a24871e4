using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Infrastructure.Funnels;

/// <param name="EntryStageId">Its first open stage: where a lead moved onto this board lands.</param>
public sealed record BoardSummary(Guid Id, string Name, bool IsDefault, Guid? EntryStageId = null);

public sealed record BoardStageView(Guid Id, string Name, string Color, StageCategory Category, int? WipLimit, IReadOnlyList<StageRequirement> Requirements);

/// <summary>A card as the board shows it: the mobile masked, nothing else personal.</summary>
public sealed record BoardCard(
    Guid Id, Guid StageId, string Number, string Name, string? MobileMasked, decimal? AmountWan, string? OwnerId, Guid? TeamId, string? OwnerName,
    IntentLevel? Intent, DateTimeOffset? StageEnteredAt, DateTimeOffset? NextFollowUpAt, bool IsCustomer, long Version)
{
    /// <summary>The customer's latest open application (进件), for the card's badge.</summary>
    public BoardCardApplication? Application { get; init; }
}

public sealed record BoardCardApplication(Domain.Applications.ApplicationStatus Status, decimal AmountWan);

/// <summary>A column's count and amount (万元) over every card the viewer may see, not only the loaded ones.</summary>
public sealed record StageTotal(int Count, decimal AmountWan)
{
    public static readonly StageTotal Empty = new(0, 0);

    public StageTotal Plus(int count, decimal? amount) => new(Math.Max(0, Count + count), AmountWan + count * (amount ?? 0));
}

/// <summary>A board with its columns' totals and first page of cards.</summary>
public sealed record BoardView(
    Guid Id, string Name, IReadOnlyList<BoardSummary> Boards, IReadOnlyList<BoardStageView> Stages,
    IReadOnlyDictionary<Guid, StageTotal> Totals, IReadOnlyDictionary<Guid, IReadOnlyList<BoardCard>> Cards);
