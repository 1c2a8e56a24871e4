namespace LoanSaaS.Domain.Automation;

/// <summary>
/// An agency rule tried in order with the others of its kind (assignment, reclaim): named, on or off, removed by
/// archiving, versioned against concurrent edits.
/// </summary>
public interface IOrderedRule
{
    Guid Id { get; }
    string Name { get; }
    int Order { get; set; }
    bool IsEnabled { get; set; }
    bool IsArchived { get; set; }
    long Version { get; set; }
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}
