using System.Globalization;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Reclaim;

namespace LoanSaaS.Infrastructure.Reclaim;

/// <summary>A reclaim notice, and how the limit is carried to the UI ("NotContacted:24").</summary>
public static class ReclaimNotices
{
    public static string Detail(ReclaimDeadline deadline) => $"{deadline.Limit}:{deadline.Amount.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The limit and amount of a <see cref="Detail"/>; null when it is not one.</summary>
    public static (ReclaimLimit Limit, int Amount)? Parse(string? detail)
    {
        var parts = detail?.Split(':');
        return parts is [var limit, var amount] && Enum.TryParse<ReclaimLimit>(limit, out var l) && Enum.IsDefined(l)
            && int.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (l, n) : null;
    }

    public static Notification Notice(string userId, NotificationKind kind, Guid leadId, string leadName, ReclaimDeadline deadline, DateTimeOffset now) => new()
    {
        UserId = userId, Kind = kind, LeadId = leadId, Subject = leadName, DueAt = deadline.At, Detail = Detail(deadline), CreatedAt = now,
    };
}
