using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Reclaim;

/// <summary>When a lead goes back to the public pool unless worked on, and by which rule.</summary>
public sealed record LeadReclaimDeadline(ReclaimDeadline Deadline, string RuleName);

/// <summary>
/// The reclaim deadline of one lead the member can see, by the first enabled rule (in order) whose condition it meets;
/// null when no rule covers it or it cannot be reclaimed (pooled, a customer, closed).
/// </summary>
public sealed class GetReclaimDeadline(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<LeadReclaimDeadline?> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = db.Leads.AsNoTracking().VisibleTo(user).Where(l => l.Id == leadId);
        var facts = await lead.Select(l => new ReclaimFacts(l.Status, l.ConvertedAt != null, l.OwnerId, l.AssignedAt, l.LastFollowUpAt, l.StageEnteredAt, l.ReclaimWarnedFor))
            .FirstOrDefaultAsync(ct);
        if (facts?.AssignedAt is null || facts.OwnerId is null) return null;
        var rules = await db.ReclaimRules.AsNoTracking().Where(r => r.IsEnabled && !r.IsArchived).OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        if (rules.Count == 0) return null;
        var schema = (await CustomFieldSet.LoadAsync(db, ct)).Schema;
        var now = time.GetUtcNow();
        foreach (var scope in ReclaimScopes.Of(rules, schema))
        {
            if (!await PoolMembers.Of(lead, scope.Rule.Condition, schema, now).AnyAsync(ct)) continue;
            return ReclaimPolicy.DeadlineOf(facts, scope.Rule) is { } deadline ? new LeadReclaimDeadline(deadline, scope.Rule.Name) : null;
        }
        return null;
    }
}
