using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Notifications;

/// <summary>
/// Live topic of one member's notifications. Kept apart from the member's session topic (SetMemberActive.UserTopic),
/// whose every message makes the layout reload the page.
/// </summary>
public static class NotificationEvents
{
    public static LiveTopic Topic(Guid tenantId, string userId) => new(tenantId, $"notifications:{userId}");

    public static LiveMessage Created(long notificationId) =>
        new("notification", new Dictionary<string, string> { ["id"] = notificationId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static readonly LiveMessage Read = new("read");
}
