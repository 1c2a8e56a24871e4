using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Reclaim;

/// <summary>What one pass did in one agency.</summary>
public sealed record ReclaimRun(int Warned, int Reclaimed)
{
    public static ReclaimRun operator +(ReclaimRun a, ReclaimRun b) => new(a.Warned + b.Warned, a.Reclaimed + b.Reclaimed);
}

/// <summary>
/// One agency's reclaim pass at <c>now</c>: for each enabled rule, in order, the leads it decides for whose warning point
/// has come (found in SQL, at most <see cref="BatchSize"/> per rule and pass) are warned of or taken back to the public
/// pool. Both are claimed by a conditional update on the lead's version in the same transaction as their notifications
/// and audit entry, so two nodes or a repeated run never act twice, and a lead its owner just worked on is left alone.
/// </summary>
public sealed class ReclaimLeads(TenantDatabaseConnector connector, ILiveEvents live)
{
    public const int BatchSize = 200;

    private sealed record Candidate(Guid Id, string Name, string OwnerId, Guid? TeamId, long Version, ReclaimFacts Facts);

    public async Task<ReclaimRun> HandleAsync(TenantInfo agency, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
        var rules = await db.ReclaimRules.AsNoTracking().Where(r => r.IsEnabled && !r.IsArchived).OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        if (rules.Count == 0) return new ReclaimRun(0, 0);
        var schema = (await CustomFieldSet.LoadAsync(db, ct)).Schema;
        var audit = new AuditLog(new FixedClock(now));
        var run = new ReclaimRun(0, 0);
        foreach (var scope in ReclaimScopes.Of(rules, schema))
        {
            if (!scope.Rule.HasLimit) continue;
            var candidates = await PoolMembers.Of(ReclaimScopes.Candidates(db.Leads.AsNoTracking(), scope.Rule, now), scope.Condition, schema, now)
                .OrderBy(l => l.Id).Take(BatchSize)
                .Select(l => new Candidate(l.Id, l.Name, l.OwnerId!, l.TeamId, l.Version,
                    new ReclaimFacts(l.Status, l.ConvertedAt != null, l.OwnerId, l.AssignedAt, l.LastFollowUpAt, l.StageEnteredAt, l.ReclaimWarnedFor)))
                .ToListAsync(ct);
            foreach (var lead in candidates)
            {
                var decision = ReclaimPolicy.Decide(lead.Facts, scope.Rule, now);
                if (decision.Action == ReclaimAction.Warn && await WarnAsync(db, agency, lead, decision.Deadline!, now, ct)) run += new ReclaimRun(1, 0);
                if (decision.Action == ReclaimAction.Reclaim && await ReclaimAsync(db, agency, audit, lead, scope.Rule, decision.Deadline!, now, ct)) run += new ReclaimRun(0, 1);
            }
        }
        return run;
    }

    private async Task<bool> WarnAsync(AgencyDbContext db, TenantInfo agency, Candidate lead, ReclaimDeadline deadline, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The version is not bumped: a warning is no edit, and must not make the owner's open form stale.
        var claimed = await db.Leads
            .Where(l => l.Id == lead.Id && l.Version == lead.Version && l.OwnerId == lead.OwnerId && (l.ReclaimWarnedFor == null || l.ReclaimWarnedFor != deadline.At))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ReclaimWarnedFor, deadline.At), ct);
        if (claimed != 1)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        var notice = ReclaimNotices.Notice(lead.OwnerId, NotificationKind.LeadReclaimWarning, lead.Id, lead.Name, deadline, now);
        db.Notifications.Add(notice);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        await live.PublishAsync(NotificationEvents.Topic(agency.Id, notice.UserId), NotificationEvents.Created(notice.Id), ct);
        return true;
    }

    private async Task<bool> ReclaimAsync(AgencyDbContext db, TenantInfo agency, AuditLog audit, Candidate lead, ReclaimRule rule, ReclaimDeadline deadline,
        DateTimeOffset now, CancellationToken ct)
    {
        var from = await db.Users.AsNoTracking().Where(u => u.Id == lead.OwnerId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var told = new List<string> { lead.OwnerId };
        told.AddRange(await TeamManagers.OfAsync(db, lead.OwnerId, lead.TeamId, [AgencyRole.Owner], ct));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Leads
            .Where(l => l.Id == lead.Id && l.Version == lead.Version && l.OwnerId == lead.OwnerId && l.Status == LeadStatus.Active && l.ConvertedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(l => l.OwnerId, (string?)null).SetProperty(l => l.TeamId, (Guid?)null).SetProperty(l => l.Status, LeadStatus.PublicPool)
                .SetProperty(l => l.AssignedAt, (DateTimeOffset?)null).SetProperty(l => l.ReclaimWarnedFor, (DateTimeOffset?)null)
                .SetProperty(l => l.Version, l => l.Version + 1).SetProperty(l => l.UpdatedAt, now), ct);
        if (claimed != 1)
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        audit.Add(db, AuditActor.System, "lead.reclaimed", "lead", lead.Id.ToString(), new
        {
            from, rule = rule.Name, ruleId = rule.Id, limit = deadline.Limit.ToString(), amount = deadline.Amount,
        });
        var notices = told.Distinct().Select(id => ReclaimNotices.Notice(id, NotificationKind.LeadReclaimed, lead.Id, lead.Name, deadline, now)).ToList();
        db.Notifications.AddRange(notices);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        await live.PublishAsync(LeadEvents.Topic(agency.Id), LeadEvents.Changed(1, lead.Id), ct);
        foreach (var notice in notices)
            await live.PublishAsync(NotificationEvents.Topic(agency.Id, notice.UserId), NotificationEvents.Created(notice.Id), ct);
        return true;
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
