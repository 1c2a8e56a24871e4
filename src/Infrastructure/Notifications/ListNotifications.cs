using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Notifications;

public sealed record NotificationRow(long Id, NotificationKind Kind, Guid? LeadId, string? Subject, DateTimeOffset CreatedAt, bool IsRead,
    DateTimeOffset? DueAt = null, string? Detail = null);

public sealed record NotificationList(IReadOnlyList<NotificationRow> Items, int UnreadCount);

/// <summary>The signed-in member's own notifications, newest first, with the number still unread.</summary>
public sealed class ListNotifications(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public const int DefaultTake = 20;

    public async Task<NotificationList> HandleAsync(int take, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        var items = await mine.OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, 100))
            .Select(n => new NotificationRow(n.Id, n.Kind, n.LeadId, n.Subject, n.CreatedAt, n.ReadAt != null, n.DueAt, n.Detail))
            .ToListAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        return new NotificationList(items, unread);
    }
}
