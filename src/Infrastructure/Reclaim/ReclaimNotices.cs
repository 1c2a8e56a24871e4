using System.Globalization;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Reclaim;

/// <summary>Who hears of a reclaim and how the limit is carried to the UI ("NotContacted:24").</summary>
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

    /// <summary>
    /// The owner's managers: the active managers (经理) of the lead's team; when it has none, the agency's owners. Never the owner.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ManagersAsync(AgencyDbContext db, string ownerId, Guid? teamId, CancellationToken ct)
    {
        var managers = teamId is null ? [] : await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Role == AgencyRole.Manager && u.TeamId == teamId && u.Id != ownerId).Select(u => u.Id).ToListAsync(ct);
        if (managers.Count > 0) return managers;
        return await db.Users.AsNoTracking().Where(u => u.IsActive && u.Role == AgencyRole.Owner && u.Id != ownerId).Select(u => u.Id).ToListAsync(ct);
    }
}
