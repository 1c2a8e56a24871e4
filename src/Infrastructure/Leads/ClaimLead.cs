using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>
/// Any member takes a lead from the public pool: it becomes theirs and active. Two members claiming the same lead at
/// once are decided by the lead's version: one wins, the other is told it is gone.
/// </summary>
public sealed class ClaimLead(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<long>> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await db.Leads.VisibleOrPooled(user).FirstOrDefaultAsync(l => l.Id == leadId, ct);
        // One answer for "claimed meanwhile", "never pooled" and "not yours to see": nothing leaks about other leads.
        if (lead is null || lead.Status != LeadStatus.PublicPool) return Result<long>.Fail("Lead", "NotInPool");

        var team = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
        lead.AssignTo(user.UserId, team);
        lead.Status = LeadStatus.Active;
        lead.Version++;
        lead.UpdatedAt = time.GetUtcNow();
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "lead.claimed", "lead", lead.Id.ToString(), new
        {
            changes = new[]
            {
                new FieldChange("Status", nameof(LeadStatus.PublicPool), nameof(LeadStatus.Active)),
                new FieldChange("Owner", null, user.FullName),
            },
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<long>.Fail("Lead", "NotInPool");
        }
        await live.PublishAsync(LeadEvents.Topic(tenant.Required.Id), LeadEvents.Changed(1, lead.Id), ct);
        return Result<long>.Ok(lead.Version);
    }
}
