using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Assignment;

/// <summary>Who hears of the rules' decisions: each new owner, once per capture or once per import.</summary>
public static class AssignmentRecords
{
    /// <summary>One notification per new owner, added to the context: naming the lead when they got one, the count when several.</summary>
    public static IReadOnlyList<Notification> Notify(AgencyDbContext db, IReadOnlyList<AssignedLead> assigned, DateTimeOffset now)
    {
        var notifications = assigned.Where(a => a.OwnerId is not null).GroupBy(a => a.OwnerId!).Select(g => g.Count() == 1
            ? new Notification { UserId = g.Key, Kind = NotificationKind.LeadAssigned, LeadId = g.First().Lead.Id, Subject = g.First().Lead.Name, CreatedAt = now }
            : Many(g.Key, g.Count(), now)).ToList();
        db.Notifications.AddRange(notifications);
        return notifications;
    }

    /// <summary>One notification per member the rules gave leads of an import, with how many (not yet added to the context).</summary>
    public static async Task<IReadOnlyList<Notification>> ImportNotificationsAsync(AgencyDbContext db, Guid importId, DateTimeOffset now, CancellationToken ct) =>
        (await db.Leads.AsNoTracking().Where(l => l.ImportId == importId && l.AssignedRuleId != null && l.OwnerId != null)
            .GroupBy(l => l.OwnerId!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .Select(x => Many(x.Key, x.Count, now)).ToList();

    private static Notification Many(string userId, int count, DateTimeOffset now) => new()
    {
        UserId = userId, Kind = NotificationKind.LeadsAssigned, Subject = count.ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = now,
    };
}
