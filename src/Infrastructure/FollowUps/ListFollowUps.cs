using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.FollowUps;

public sealed record FollowUpRow(
    Guid Id, FollowUpChannel Channel, string Content, FollowUpOutcome Outcome, DateTimeOffset At, DateTimeOffset? NextAt, string AuthorName, bool IsClosed);

/// <param name="CanLog">The member may add a follow-up: the lead is in their scope and still workable (not merged or blacklisted).</param>
public sealed record FollowUpHistory(Guid LeadId, string LeadName, DateTimeOffset? NextFollowUpAt, bool CanLog, IReadOnlyList<FollowUpRow> Items);

/// <summary>The follow-ups of one lead, newest first; null when the lead is not in the member's scope (or not in this agency).</summary>
public sealed class ListFollowUps(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public const int MaxItems = 200;

    public async Task<FollowUpHistory?> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await db.Leads.AsNoTracking().VisibleOrPooled(actor).Where(l => l.Id == leadId)
            .Select(l => new { l.Id, l.Name, l.Status, l.NextFollowUpAt }).FirstOrDefaultAsync(ct);
        if (lead is null) return null;

        var items = await db.FollowUps.AsNoTracking().Where(f => f.LeadId == leadId)
            .OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Take(MaxItems)
            .Select(f => new FollowUpRow(f.Id, f.Channel, f.Content, f.Outcome, f.At, f.NextAt, f.AuthorName, f.IsClosed))
            .ToListAsync(ct);
        // A pooled lead outside the member's own scope can be read (to decide on claiming it) but not worked.
        var canLog = lead.Status is LeadStatus.Active or LeadStatus.PublicPool
            && await db.Leads.VisibleTo(actor).AnyAsync(l => l.Id == leadId, ct);
        return new FollowUpHistory(lead.Id, lead.Name, lead.NextFollowUpAt, canLog, items);
    }
}
