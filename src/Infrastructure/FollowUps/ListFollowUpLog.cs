using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.FollowUps;

/// <param name="From">First Shanghai day, inclusive; with <see cref="To"/> the period (e.g. a dashboard's).</param>
/// <param name="AuthorId">Only follow-ups this member logged.</param>
/// <param name="TeamId">Only follow-ups of this team's leads (an agency-wide viewer's choice, as on the dashboard).</param>
public sealed record FollowUpLogQuery(DateOnly? From = null, DateOnly? To = null, string? AuthorId = null, Guid? TeamId = null, int Page = 0, int PageSize = 20);

public sealed record FollowUpLogRow(
    Guid Id, Guid LeadId, string LeadName, string LeadNumber, FollowUpChannel Channel, FollowUpOutcome Outcome, string Content,
    DateTimeOffset At, DateTimeOffset? NextAt, string AuthorName);

public sealed record FollowUpLogPage(IReadOnlyList<FollowUpLogRow> Rows, int Total);

/// <summary>
/// 跟进记录: the follow-ups logged on the leads the member may see, newest first, for a period, an author or a team
/// — the list behind the dashboard's follow-up numbers, counted the same way.
/// </summary>
public sealed class ListFollowUpLog(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public const int MaxPageSize = 100;

    public async Task<FollowUpLogPage> HandleAsync(FollowUpLogQuery query, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var leads = db.Leads.AsNoTracking().VisibleUnmerged(user);
        if (user.Scope == DataScope.All && query.TeamId is { } team) leads = leads.Where(l => l.TeamId == team);
        var followUps = db.FollowUps.AsNoTracking().Where(f => leads.Any(l => l.Id == f.LeadId));
        if (query.From is { } from)
        {
            var start = Shanghai.StartOfDayUtc(from);
            followUps = followUps.Where(f => f.At >= start);
        }
        if (query.To is { } to)
        {
            var end = Shanghai.StartOfDayUtc(to.AddDays(1));
            followUps = followUps.Where(f => f.At < end);
        }
        if (!string.IsNullOrEmpty(query.AuthorId)) followUps = followUps.Where(f => f.AuthorId == query.AuthorId);

        var total = await followUps.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await (from f in followUps
                          join l in db.Leads on f.LeadId equals l.Id
                          orderby f.At descending, f.Id descending
                          select new FollowUpLogRow(f.Id, l.Id, l.Name, l.Number, f.Channel, f.Outcome, f.Content, f.At, f.NextAt, f.AuthorName))
            .Skip(Math.Max(0, query.Page) * size).Take(size).ToListAsync(ct);
        return new FollowUpLogPage(rows, total);
    }
}
