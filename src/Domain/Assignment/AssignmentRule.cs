using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Assignment;

/// <summary>
/// 分配规则: new leads that meet <see cref="Condition"/> go to <see cref="Target"/> by <see cref="Strategy"/>. Rules are
/// tried in <see cref="Order"/>; the first whose condition holds and that finds an available member wins (a rule
/// whose members are all away or full passes the lead on to the next rule).
/// </summary>
public sealed class AssignmentRule : IOrderedRule
{
    public const int MaxNameLength = 30;
    public const int MaxMembers = 100;
    public const int MaxWeight = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public int Order { get; set; }
    public bool IsEnabled { get; set; } = true;
    public required ConditionNode Condition { get; set; }
    public AssignmentTarget Target { get; set; }
    /// <summary>Members of a <see cref="AssignmentTarget.Members"/> target, with their weights (1 when not weighted).</summary>
    public List<AssignmentMember> Members { get; set; } = [];
    /// <summary>The team of a <see cref="AssignmentTarget.Team"/> target: its active members at the time of assignment.</summary>
    public Guid? TeamId { get; set; }
    public AssignmentStrategy Strategy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool IsArchived { get; set; }
    public long Version { get; set; }
}

public sealed record AssignmentMember(string UserId, int Weight = 1);

public enum AssignmentTarget
{
    /// <summary>Named members.</summary>
    Members,
    /// <summary>A sales team's active members.</summary>
    Team,
    /// <summary>公海: nobody owns the lead; any member may claim it.</summary>
    PublicPool,
}

public enum AssignmentStrategy
{
    /// <summary>轮流: each member in turn.</summary>
    RoundRobin,
    /// <summary>最少持有: the member holding the fewest open leads.</summary>
    LeastLoaded,
    /// <summary>按权重: turns in proportion to each member's weight.</summary>
    Weighted,
    /// <summary>按地区: members whose team's region matches the lead's city, in turn; everyone in turn when none does.</summary>
    ByRegion,
}
