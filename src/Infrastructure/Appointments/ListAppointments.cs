using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Appointments;

/// <param name="From">Start of the range (UTC), inclusive; with <see cref="To"/> the calendar's days.</param>
/// <param name="LeadId">One lead's visits (its page), whatever their time.</param>
/// <param name="MineOnly">Only visits the member attends or whose lead they own.</param>
/// <param name="TeamId">Only visits of leads of this team (a manager's or agency-wide viewer's choice).</param>
public sealed record AppointmentQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, Guid? LeadId = null, bool MineOnly = false, Guid? TeamId = null);

/// <summary>The visits in a range (a calendar's day or week) or of one lead, as far as the member may see them, in time order.</summary>
public sealed class ListAppointments(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public const int MaxRows = 2000;

    public async Task<IReadOnlyList<AppointmentView>> HandleAsync(AppointmentQuery query, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var appointments = db.Appointments.AsNoTracking();
        if (query.LeadId is { } leadId) appointments = appointments.Where(a => a.LeadId == leadId);
        if (query.From is { } from) appointments = appointments.Where(a => a.StartsAt >= from);
        if (query.To is { } to) appointments = appointments.Where(a => a.StartsAt < to);
        var rows = await appointments.OrderBy(a => a.StartsAt).Take(MaxRows).ToListAsync(ct);
        if (rows.Count == 0) return [];

        var leadIds = rows.Select(a => a.LeadId).Distinct().ToList();
        var visible = (await db.Leads.VisibleTo(user).Where(l => leadIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct)).ToHashSet();
        var leads = await db.Leads.AsNoTracking().Where(l => leadIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Name, l.Number, MobileMasked = l.Mobile.Masked, l.OwnerId, l.TeamId }).ToDictionaryAsync(l => l.Id, ct);
        rows = rows.Where(a => (visible.Contains(a.LeadId) || a.StaffIds.Contains(user.UserId)) && leads.ContainsKey(a.LeadId))
            .Where(a => !query.MineOnly || a.StaffIds.Contains(user.UserId) || leads[a.LeadId].OwnerId == user.UserId)
            .Where(a => query.TeamId is not { } team || leads[a.LeadId].TeamId == team)
            .ToList();

        var memberIds = rows.SelectMany(a => a.StaffIds).Concat(leads.Values.Select(l => l.OwnerId).OfType<string>()).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var now = time.GetUtcNow();
        return rows.Select(a =>
        {
            var lead = leads[a.LeadId];
            return new AppointmentView(
                a.Id, a.LeadId, lead.Name, lead.Number, lead.MobileMasked, lead.OwnerId is { } owner ? names.GetValueOrDefault(owner) : null, a.Kind,
                a.StartsAt, a.DurationMinutes, a.Place, a.Notes, a.StaffIds.Select(id => new AppointmentStaff(id, names.GetValueOrDefault(id) ?? "?")).ToList(),
                a.RemindMinutesBefore, a.Status, a.ArrivedAt, a.CheckedInByName, a.CreatedByName, a.Version,
                new AppointmentActions(AppointmentRules.CanReschedule(a), AppointmentRules.CanCancel(a), AppointmentRules.CanCheckIn(a, now),
                    AppointmentRules.CanRecordOutcome(a, now), AppointmentRules.CanRecordNoShow(a, now)));
        }).ToList();
    }
}
