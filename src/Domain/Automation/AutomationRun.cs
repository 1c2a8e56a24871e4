namespace LoanSaaS.Domain.Automation;

/// <summary>
/// 运行记录: one rule for one lead and one occurrence — an event ("e:{event id}") or a time threshold keyed by the
/// value it counts from (<see cref="AutomationTriggers.Occurrence"/>). Unique per (rule, lead, key): a rerun after a
/// crash, or a second node, finds it and does nothing.
/// </summary>
public sealed class AutomationRun
{
    public const int MaxKeyLength = 60;
    public const int MaxErrorLength = 200;

    public long Id { get; set; }
    public Guid RuleId { get; set; }
    public Guid LeadId { get; set; }
    public required string OccurrenceKey { get; set; }
    /// <summary>The instant a time-based occurrence counts from (last follow-up, next follow-up, stage entry).</summary>
    public DateTimeOffset? OccurrenceAt { get; set; }
    /// <summary>The date of a <see cref="TriggerKind.DateFieldIn"/> occurrence.</summary>
    public DateOnly? OccurrenceDate { get; set; }
    public DateTimeOffset At { get; set; }
    public RunResult Result { get; set; }
    /// <summary>A code the page words ("LoopLimit", "Stage.MissingFields", "NoOwner" …), or null.</summary>
    public string? Error { get; set; }
    /// <summary>How many rules deep in a chain this run was (1: a person's change or time triggered it).</summary>
    public int Depth { get; set; }
}

/// <summary>
/// An outbox row: something happened to leads (kind, which field or stage) that enabled rules listen to, written in the
/// same transaction as the change. Drained within about a second, each row claimed by exactly one node.
/// </summary>
public sealed class AutomationEvent
{
    public const int MaxDetailLength = 60;

    public long Id { get; set; }
    public TriggerKind Kind { get; set; }
    public List<Guid> LeadIds { get; set; } = [];
    /// <summary>The field key of a field change, the stage id of a stage change.</summary>
    public string? Detail { get; set; }
    /// <summary>0 for a person's change; a rule's change is one deeper than the event that ran it.</summary>
    public int Depth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>A node working on the event holds it until then; a node that died lets it go.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}
