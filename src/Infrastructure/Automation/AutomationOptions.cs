namespace LoanSaaS.Infrastructure.Automation;

/// <summary>"Automation" section: sweep intervals, and whether this node drains events itself right after saves.</summary>
public sealed class AutomationOptions
{
    /// <summary>The safety net for events another node saved or a node left behind when it died.</summary>
    public TimeSpan EventSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time-based rules ("no follow-up for 3 days" …).</summary>
    public TimeSpan TimeSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>SMS and email waiting in the outbox.</summary>
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Drain this node's events within a second of the save (false: only the sweep does).</summary>
    public bool DrainOnSave { get; set; } = true;

    /// <summary>Processed events are kept this long (for support), then deleted by the event sweep.</summary>
    public TimeSpan KeepEvents { get; set; } = TimeSpan.FromDays(3);
}
