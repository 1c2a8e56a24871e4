namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>Bound from the "Scheduler" configuration section.</summary>
public sealed class SchedulerOptions
{
    /// <summary>False: this node writes occurrences to the store but fires nothing (a web-only node).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Nodes with the same name on the same catalog form one cluster.</summary>
    public string Name { get; set; } = "LoanSaaS";

    /// <summary>Unique per node; "AUTO" (default) derives host name + start ticks.</summary>
    public string InstanceId { get; set; } = "AUTO";

    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long past a missed check-in before other nodes recover a node's work.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How late a one-off occurrence may fire and still count as on time (later: it runs once, at once).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the store looks for missed fires (a node was down): a missed sweep runs once, within this.</summary>
    public TimeSpan MisfireCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an idle node waits before asking the store again (work scheduled by another node is seen within this).</summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Jobs running at once on this node.</summary>
    public int MaxConcurrency { get; set; } = 3;

    /// <summary>The scheduler's own connection pool to the catalog (PostgreSQL / SQL Server), apart from EF's.</summary>
    public int MaxConnections { get; set; } = 3;
}
