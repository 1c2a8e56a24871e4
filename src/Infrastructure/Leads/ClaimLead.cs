using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
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
/// once are decided by the lead's version: one wins, the other is told it is gone. The agency's caps apply: claims per
/// Shanghai day (Lead.DailyClaimCap) and open leads held (Lead.HoldingCap).
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
        if (await CapReachedAsync(db, user.UserId, ct) is { } reached) return Result<long>.Fail("Lead", reached);

        var team = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow();
        lead.AssignTo(user.UserId, team, now);
        lead.Status = LeadStatus.Active;
        lead.Version++;
        lead.UpdatedAt = now;
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

    /// <summary>"DailyClaimCap" or "HoldingCap" when the member may not take another lead now.</summary>
    private async Task<string?> CapReachedAsync(AgencyDbContext db, string userId, CancellationToken ct)
    {
        if (await Assignment.AssignmentSettings.DailyClaimCapAsync(db, ct) is { } daily)
        {
            var today = Shanghai.StartOfDayUtc(Shanghai.Today(time));
            if (await db.AuditEntries.CountAsync(a => a.At >= today && a.Action == "lead.claimed" && a.ActorId == userId, ct) >= daily) return "DailyClaimCap";
        }
        if (await Assignment.AssignmentSettings.HoldingCapAsync(db, ct) is { } holding
            && await db.Leads.Open().CountAsync(l => l.OwnerId == userId, ct) >= holding) return "HoldingCap";
        return null;
    }
}
