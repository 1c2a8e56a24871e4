using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Assignment;

/// <param name="LeadIds">Leads chosen on a list (意向客户 or 公海), at most <see cref="ApplyAssignmentRules.MaxLeads"/>.</param>
/// <param name="Reason">Why (改派原因), kept with each hand-over; required when a chosen lead has an owner.</param>
public sealed record ApplyAssignmentRulesRequest(IReadOnlyList<Guid> LeadIds, string? Reason = null);

/// <param name="Assigned">Handed to a member (other than their owner before).</param>
/// <param name="Pooled">Sent to the public pool by a rule.</param>
/// <param name="Unchanged">The rules kept them where they were (same owner, or a pool rule for a pooled lead).</param>
/// <param name="Unmatched">No rule took them (no condition met, or every member of the matching rules unavailable): left alone.</param>
/// <param name="Skipped">Not found in the member's scope, merged, converted or blacklisted.</param>
public sealed record ApplyAssignmentRulesResult(int Assigned, int Pooled, int Unchanged, int Unmatched, int Skipped);

/// <summary>
/// Applies the agency's enabled assignment rules on demand to leads a member chose (needs ManageLeads; only leads in
/// their scope or in the pool): each lead goes where the rules send it now, with the same turns, caps and leave as
/// on arrival. Every hand-over is audited with the rule and the reason and shows on the lead's timeline; each new
/// owner gets one notification. Refusals: LeadIds.Empty / TooMany, Rules.None, Reason.Required / TooLong,
/// Lead.ChangedByOthers (someone changed a chosen lead meanwhile: nothing is saved).
/// </summary>
public sealed class ApplyAssignmentRules(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live,
    TimeProvider time)
{
    public const int MaxLeads = 500;

    public async Task<Result<ApplyAssignmentRulesResult>> HandleAsync(ApplyAssignmentRulesRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        var ids = request.LeadIds.Distinct().ToList();
        if (ids.Count == 0) return Result<ApplyAssignmentRulesResult>.Fail("LeadIds", "Empty");
        if (ids.Count > MaxLeads) return Result<ApplyAssignmentRulesResult>.Fail("LeadIds", "TooMany");
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason?.Length > AssignLead.MaxReasonLength) return Result<ApplyAssignmentRulesResult>.Fail("Reason", "TooLong");

        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var leads = await db.Leads.VisibleOrPooled(user).Include(l => l.CustomValues)
            .Where(l => ids.Contains(l.Id) && (l.Status == LeadStatus.Active || l.Status == LeadStatus.PublicPool) && l.ConvertedAt == null).ToListAsync(ct);
        if (reason is null && leads.Any(l => l.Status == LeadStatus.Active && l.OwnerId is not null && l.OwnerId != user.UserId))
            return Result<ApplyAssignmentRulesResult>.Fail("Reason", "Required");
        if (await LeadAssigner.PlanAsync(db, now, ct) is not { } plan) return Result<ApplyAssignmentRulesResult>.Fail("Rules", "None");

        var before = leads.ToDictionary(l => l.Id, l => (l.OwnerId, l.Status));
        var decided = await LeadAssigner.ReassignAsync(plan, contexts, leads, now, ct);
        var names = await MemberNamesAsync(db, before.Values.Select(b => b.OwnerId).Concat(decided.Select(d => d.OwnerId)), ct);
        var moved = new List<AssignedLead>();
        int assigned = 0, pooled = 0, unchanged = 0;
        foreach (var decision in decided)
        {
            var (fromId, fromStatus) = before[decision.Lead.Id];
            var lead = decision.Lead;
            var from = fromId is null ? null : names.GetValueOrDefault(fromId);
            if (decision.OwnerId is null)
            {
                if (fromStatus == LeadStatus.PublicPool) { unchanged++; continue; }
                lead.AssignTo(null, null, now);
                lead.Status = LeadStatus.PublicPool;
                audit.Add(db, LeadDetailAccess.Actor(user), "lead.pooled", "lead", lead.Id.ToString(), new { from, rule = decision.Rule.Name, reason });
                pooled++;
            }
            else if (decision.OwnerId == fromId && fromStatus == LeadStatus.Active) { unchanged++; continue; }
            else
            {
                audit.Add(db, LeadDetailAccess.Actor(user), "lead.assigned", "lead", lead.Id.ToString(),
                    new { from, to = names.GetValueOrDefault(decision.OwnerId), toId = decision.OwnerId, rule = decision.Rule.Name, reason });
                if (decision.OwnerId != user.UserId) moved.Add(decision);
                assigned++;
            }
            LeadDetailAccess.Touch(lead, now);
        }
        var notifications = AssignmentRecords.Notify(db, moved, now);
        var saved = await LeadDetailAccess.SaveAsync(db, ct);
        if (!saved.Succeeded) return Result<ApplyAssignmentRulesResult>.Fail(saved.Errors);

        if (assigned + pooled > 0) await live.PublishAsync(LeadEvents.Topic(tenant.Required.Id), LeadEvents.Changed(assigned + pooled), ct);
        foreach (var notification in notifications)
            await live.PublishAsync(NotificationEvents.Topic(tenant.Required.Id, notification.UserId), NotificationEvents.Created(notification.Id), ct);
        return Result<ApplyAssignmentRulesResult>.Ok(new ApplyAssignmentRulesResult(assigned, pooled, unchanged, leads.Count - decided.Count, ids.Count - leads.Count));
    }

    private static async Task<Dictionary<string, string>> MemberNamesAsync(AgencyDbContext db, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
    }
}
