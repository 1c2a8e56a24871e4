using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>Live topics of approvals: a member's inbox (and nav badge), and one application's progress.</summary>
public static class ApprovalEvents
{
    public static LiveTopic Inbox(Guid tenantId, string userId) => new(tenantId, $"approvals:{userId}");

    public static LiveTopic Application(Guid tenantId, Guid applicationId) => new(tenantId, $"approval:{applicationId}");

    public static LiveMessage Changed(Guid applicationId) => new("changed", new Dictionary<string, string> { ["application"] = applicationId.ToString() });
}
