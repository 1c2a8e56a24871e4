using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.CustomFields;

/// <summary>Live topic of an agency's field definitions: the settings page and open forms re-read them.</summary>
public static class CustomFieldEvents
{
    public static LiveTopic Topic(Guid tenantId) => new(tenantId, "custom-fields");

    public static LiveMessage Changed(Guid fieldId) => new("changed", new Dictionary<string, string> { ["field"] = fieldId.ToString() });
}
