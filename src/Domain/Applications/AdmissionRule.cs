using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Applications;

/// <summary>
/// An agency's admission rule (进件准入): when its <see cref="Condition"/> over <see cref="ApplicationConditions"/> holds
/// for an application being submitted, the submission is refused with <see cref="Message"/>. Tried in <see cref="Order"/>;
/// every enabled rule that holds is reported.
/// </summary>
public sealed class AdmissionRule : IOrderedRule
{
    public const int MaxNameLength = 50;
    public const int MaxMessageLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public ConditionNode Condition { get; set; } = ConditionGroup.AllOf();

    /// <summary>What the sales person reads, e.g. "黑名单客户不能进件".</summary>
    public required string Message { get; set; }
    public int Order { get; set; }
    public bool IsEnabled { get; set; } = true;
    public bool IsArchived { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}
