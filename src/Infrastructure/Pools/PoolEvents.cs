using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Pools;

/// <summary>Live topic of an agency's pools (ids only): the pools page re-reads names, conditions and counts.</summary>
public static class PoolEvents
{
    public static LiveTopic Topic(Guid tenantId) => new(tenantId, "pools");

    public static LiveMessage Changed(Guid poolId) => new("changed", new Dictionary<string, string> { ["pool"] = poolId.ToString() });
}
