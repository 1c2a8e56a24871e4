using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>Live topic announcing that leads changed (ids only); lists reload what their viewer may see.</summary>
public static class LeadEvents
{
    public static LiveTopic Topic(Guid tenantId) => new(tenantId, "leads");

    public static LiveMessage Changed(int count, Guid? leadId = null) => new("changed", leadId is null
        ? new Dictionary<string, string> { ["count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new Dictionary<string, string> { ["lead"] = leadId.Value.ToString(), ["count"] = "1" });
}
