using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.FollowUps;

public enum TaskDue { Overdue, Today, Upcoming }

public sealed record TaskRow(Guid LeadId, string Number, string Name, string? MobileMasked, IntentLevel? Intent, DateTimeOffset NextFollowUpAt, DateTimeOffset? LastFollowUpAt, TaskDue Due);

public sealed record MyTasks(IReadOnlyList<TaskRow> Items, int OverdueCount, int TodayCount, int UpcomingCount);

/// <summary>
/// "My tasks": the signed-in member's own leads whose next follow-up falls on an earlier Shanghai day (overdue) or on
/// today, and optionally the next seven days.
/// </summary>
public sealed class ListMyTasks(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public const int UpcomingDays = 7;
    public const int MaxItems = 300;

    public async Task<MyTasks> HandleAsync(bool includeUpcoming, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.None, ct);
        var today = Shanghai.Today(time);
        var startOfToday = Shanghai.StartOfDayUtc(today);
        var startOfTomorrow = Shanghai.StartOfDayUtc(today.AddDays(1));
        var until = includeUpcoming ? Shanghai.StartOfDayUtc(today.AddDays(1 + UpcomingDays)) : startOfTomorrow;

        await using var db = contexts.Create();
        var leads = await db.Leads.AsNoTracking().VisibleTo(actor)
            .Where(l => l.OwnerId == actor.UserId && l.Status == LeadStatus.Active && l.NextFollowUpAt != null && l.NextFollowUpAt < until)
            .OrderBy(l => l.NextFollowUpAt).Take(MaxItems)
            .Select(l => new { l.Id, l.Number, l.Name, l.Mobile.Masked, l.Intent, l.NextFollowUpAt, l.LastFollowUpAt })
            .ToListAsync(ct);

        var rows = leads.Select(l => new TaskRow(l.Id, l.Number, l.Name, l.Masked, l.Intent, l.NextFollowUpAt!.Value, l.LastFollowUpAt,
            l.NextFollowUpAt < startOfToday ? TaskDue.Overdue : l.NextFollowUpAt < startOfTomorrow ? TaskDue.Today : TaskDue.Upcoming)).ToList();
        return new MyTasks(rows, rows.Count(r => r.Due == TaskDue.Overdue), rows.Count(r => r.Due == TaskDue.Today), rows.Count(r => r.Due == TaskDue.Upcoming));
    }
}
