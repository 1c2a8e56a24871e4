using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Dashboard;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Dashboard;

/// <param name="TeamId">One team only (for a member who sees the whole agency).</param>
public sealed record DashboardQuery(DashboardPeriod Period, Guid? TeamId = null);

public sealed record FunnelStep(Guid StageId, string Name, string Color, int Count, decimal AmountWan, int Reached, double? Conversion);

public sealed record SourceCount(string? Key, string Name, int Count);

public sealed record LeaderRow(string UserId, string Name, int NewLeads, int FollowUps, int Advances);

/// <summary>The manager dashboard for a period (Shanghai days <see cref="From"/>..<see cref="To"/>), inside the viewer's scope.</summary>
/// <summary>Where the period's new leads are now, each bucket the list it is found in (意向客户, 公海, 客户, 黑名单).</summary>
public sealed record NewLeadSplit(int Open, int Pool, int Customers, int Blacklisted);

/// <param name="Appointments">Visits in the period, cancelled ones not counted; <paramref name="Visited"/> of them the customer came to.</param>
public sealed record DashboardView(
    DateOnly From, DateOnly To, int NewLeads, NewLeadSplit NewLeadsNow, int FollowUps, int Advances, int Appointments, int Visited, Guid? BoardId,
    IReadOnlyList<FunnelStep> Funnel, IReadOnlyList<SourceCount> Sources, IReadOnlyList<LeaderRow> Leaders, IReadOnlyList<LeadFilterChoice> Teams);

/// <summary>
/// Today's / this week's / this month's numbers of the leads the viewer may see: new leads (by source and owner),
/// follow-ups logged, visits (and how many customers came), stage advances (moves to a later stage), and the default board's funnel now with its
/// stage-to-stage conversion. Needs <see cref="Permission.ViewDashboard"/>.
/// </summary>
public sealed class GetDashboard(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<DashboardView> HandleAsync(DashboardQuery query, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ViewDashboard, ct);
        var (from, to) = DashboardPeriods.Days(query.Period, Shanghai.Today(time));
        var (start, end) = (Shanghai.StartOfDayUtc(from), Shanghai.StartOfDayUtc(to.AddDays(1)));
        await using var db = contexts.Create();
        var leads = db.Leads.AsNoTracking().VisibleUnmerged(user);
        var team = user.Scope == DataScope.All ? query.TeamId : null;
        if (team is { } t) leads = leads.Where(l => l.TeamId == t);

        // One pass over the period's new leads: by source and owner (sources, leaderboard) and where they are now (the split).
        var created = await leads.Where(l => l.CreatedAt >= start && l.CreatedAt < end)
            .GroupBy(l => new { l.Source, l.OwnerId, l.Status, Customer = l.ConvertedAt != null })
            .Select(g => new { g.Key.Source, g.Key.OwnerId, g.Key.Status, g.Key.Customer, Count = g.Count() }).ToListAsync(ct);
        var split = new NewLeadSplit(
            created.Where(g => g.Status == LeadStatus.Active && !g.Customer).Sum(g => g.Count), created.Where(g => g.Status == LeadStatus.PublicPool && !g.Customer).Sum(g => g.Count),
            created.Where(g => g.Status != LeadStatus.Blacklisted && g.Customer).Sum(g => g.Count), created.Where(g => g.Status == LeadStatus.Blacklisted).Sum(g => g.Count));
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.At >= start && f.At < end && leads.Any(l => l.Id == f.LeadId))
            .GroupBy(f => f.AuthorId).Select(g => new { AuthorId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var moves = await db.LeadStageChanges.AsNoTracking().Where(c => c.MovedAt >= start && c.MovedAt < end && leads.Any(l => l.Id == c.LeadId))
            .Select(c => new { c.MovedById, c.FromStageId, c.ToStageId }).ToListAsync(ct);
        var visits = await db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt >= start && a.StartsAt < end && a.Status != AppointmentStatus.Cancelled && leads.Any(l => l.Id == a.LeadId))
            .GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var order = await db.FunnelStages.AsNoTracking().ToDictionaryAsync(s => s.Id, s => (s.Order, s.Category), ct);
        // An advance is a move to a later open or won stage; into 无效/流失 or backwards is not.
        var advances = moves.Where(m => order.TryGetValue(m.ToStageId, out var target) && target.Category != StageCategory.Lost
            && (m.FromStageId is not { } fromStage || !order.TryGetValue(fromStage, out var source) || target.Order > source.Order)).ToList();

        var (boardId, funnel) = await FunnelAsync(db, leads, ct);
        var dictionaries = await LeadDictionaries.LoadAsync(db, ct);
        var sources = created.GroupBy(c => c.Source).Select(g => new SourceCount(g.Key, g.Key is null ? "" : dictionaries.NameOf(DictionaryKind.Source, g.Key) ?? g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(s => s.Count).ToList();

        var people = created.Where(c => c.OwnerId != null).Select(c => c.OwnerId!).Concat(followUps.Select(f => f.AuthorId)).Concat(advances.Select(a => a.MovedById)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var leaders = people.Select(id => new LeaderRow(id, names.GetValueOrDefault(id) ?? "",
                created.Where(c => c.OwnerId == id).Sum(c => c.Count), followUps.Where(f => f.AuthorId == id).Sum(f => f.Count), advances.Count(a => a.MovedById == id)))
            .OrderByDescending(r => r.NewLeads + r.FollowUps + r.Advances).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var teams = user.Scope == DataScope.All ? await LeadFilterChoices.TeamsAsync(db, ct) : [];
        return new DashboardView(from, to, created.Sum(c => c.Count), split, followUps.Sum(f => f.Count), advances.Count, visits.Sum(v => v.Count),
            visits.Where(v => v.Status is AppointmentStatus.Arrived or AppointmentStatus.Completed).Sum(v => v.Count), boardId, funnel, sources, leaders, teams);
    }

    /// <summary>The default board's open and won stages now, with the share of cards that got from each stage to the next.</summary>
    private static async Task<(Guid?, IReadOnlyList<FunnelStep>)> FunnelAsync(AgencyDbContext db, IQueryable<Lead> leads, CancellationToken ct)
    {
        var board = await db.FunnelBoards.AsNoTracking().Where(b => b.IsDefault).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        if (board is null) return (null, []);
        var stages = await db.FunnelStages.AsNoTracking().Where(s => s.BoardId == board && !s.IsArchived && s.Category != StageCategory.Lost)
            .OrderBy(s => s.Order).ToListAsync(ct);
        var ids = stages.Select(s => s.Id).ToList();
        var totals = await BoardReads.TotalsAsync(leads.Where(l => l.Status == LeadStatus.Active && l.StageId != null && ids.Contains(l.StageId.Value)), ct);
        var counts = stages.Select(s => totals.GetValueOrDefault(s.Id)?.Count ?? 0).ToList();
        var conversion = FunnelConversion.Of(counts);
        return (board, stages.Select((s, i) => new FunnelStep(s.Id, s.Name, s.Color, counts[i], totals.GetValueOrDefault(s.Id)?.AmountWan ?? 0,
            conversion[i].Reached, conversion[i].Conversion)).ToList());
    }
}
