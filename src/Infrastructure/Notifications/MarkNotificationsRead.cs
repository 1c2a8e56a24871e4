using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Notifications;

/// <summary>Marks one (by id) or all of the member's unread notifications read; another member's ids change nothing.</summary>
public sealed class MarkNotificationsRead(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, ILiveEvents live, TimeProvider time)
{
    /// <returns>How many notifications were marked.</returns>
    public async Task<int> HandleAsync(long? notificationId, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.None, ct);
        var now = time.GetUtcNow();
        await using var db = contexts.Create();
        var unread = db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null);
        if (notificationId is { } id) unread = unread.Where(n => n.Id == id);
        var marked = await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        // Other tabs and devices of the same member update their badge.
        if (marked > 0) await live.PublishAsync(NotificationEvents.Topic(tenant.Required.Id, actor.UserId), NotificationEvents.Read, ct);
        return marked;
    }
}
