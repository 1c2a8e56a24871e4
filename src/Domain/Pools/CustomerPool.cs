using LoanSaaS.Domain.Automation;

namespace LoanSaaS.Domain.Pools;

/// <summary>
/// A saved segment of leads and customers (客群池), e.g. "高意向大额池": a name and a condition over lead fields. Its
/// members are never stored: the condition is evaluated when the pool is counted, listed or used by a rule.
/// </summary>
public sealed class CustomerPool
{
    public const int MaxNameLength = 30;
    public const int MaxDescriptionLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required ConditionNode Condition { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool IsArchived { get; set; }
    public long Version { get; set; }
}
