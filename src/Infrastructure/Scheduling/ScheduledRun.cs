namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>
/// What the scheduler is running in the current DI scope: which job, the instant it was due and the node running it.
/// Filled in by the sweep and occurrence jobs before the handler is resolved; for logs and for the cluster tests.
/// </summary>
public sealed class ScheduledRun
{
    public string Job { get; private set; } = "";

    public DateTimeOffset ScheduledAt { get; private set; }

    public string Node { get; private set; } = "";

    internal void Set(string job, DateTimeOffset scheduledAt, string node) => (Job, ScheduledAt, Node) = (job, scheduledAt, node);
}
