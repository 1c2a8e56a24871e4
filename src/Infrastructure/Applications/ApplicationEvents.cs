using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>Live topic announcing that an application changed (ids only); pages re-read it through the viewer's scope.</summary>
public static class ApplicationEvents
{
    public static LiveTopic Topic(Guid tenantId) => new(tenantId, "applications");

    public static LiveMessage Changed(Guid applicationId, Guid leadId) =>
        new("changed", new Dictionary<string, string> { ["application"] = applicationId.ToString(), ["lead"] = leadId.ToString() });
}
