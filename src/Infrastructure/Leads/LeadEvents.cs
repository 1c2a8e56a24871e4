using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>Live topic announcing that leads changed (ids only); lists reload what their viewer may see.</summary>
public static class LeadEvents
{
    public static LiveTopic Topic(Guid tenantId) => new(tenantId, "leads");

    /// <summary>A lead's card moved on a board: lists reload; boards follow the board's own topic instead.</summary>
    public static LiveMessage Moved(Guid leadId) => new("changed", new Dictionary<string, string> { ["lead"] = leadId.ToString(), ["count"] = "1", ["reason"] = "moved" });

    /// <summary>A comment or a visit on a lead: its activity changes, its card does not.</summary>
    public static LiveMessage Activity(Guid leadId) => new("changed", new Dictionary<string, string> { ["lead"] = leadId.ToString(), ["count"] = "1", ["reason"] = "activity" });

    /// <summary>Whether a board must re-read the card: not for a move (the board's own topic brings it) nor new activity.</summary>
    public static bool ChangesCard(LiveMessage message) => message["reason"] is not ("moved" or "activity");

    public static LiveMessage Changed(int count, Guid? leadId = null) => new("changed", leadId is null
        ? new Dictionary<string, string> { ["count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new Dictionary<string, string> { ["lead"] = leadId.Value.ToString(), ["count"] = "1" });
}
