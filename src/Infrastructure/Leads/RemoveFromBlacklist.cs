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

public sealed record RemoveFromBlacklistRequest(Guid LeadId, string? Reason);

/// <summary>
/// Takes a blacklisted lead off the blacklist (with a reason): every blacklist entry for its mobile or ID number goes,
/// so the person may come back through any channel, and the lead returns to its owner or to the public pool.
/// </summary>
public sealed class RemoveFromBlacklist(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result> HandleAsync(RemoveFromBlacklistRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        var reason = LeadDetailAccess.Reason(request.Reason);
        if (!reason.Succeeded) return reason;

        await using var db = contexts.Create();
        var lead = await LeadDetailAccess.FindAsync(db.Leads, user, request.LeadId, orPooled: true, ct);
        if (lead is null) return Result.Fail([LeadDetailAccess.NotFound]);
        if (lead.Status != LeadStatus.Blacklisted) return Result.Fail("Lead", "NotBlacklisted");

        var mobile = lead.Mobile.Index;
        var id = lead.IdNumber.Index;
        var entries = await db.Blacklist
            .Where(b => b.LeadId == lead.Id || (mobile != null && b.MobileIndex == mobile) || (id != null && b.IdNumberIndex == id))
            .ToListAsync(ct);
        db.Blacklist.RemoveRange(entries);
        var now = time.GetUtcNow();
        lead.Status = lead.OwnerId is null ? LeadStatus.PublicPool : LeadStatus.Active;
        lead.BlacklistReason = null;
        // Back with its owner: the reclaim rules count from now, not from before it was blocked.
        if (lead.OwnerId is not null) (lead.AssignedAt, lead.ReclaimWarnedFor) = (now, null);
        LeadDetailAccess.Touch(lead, now);
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.unblacklisted", "lead", lead.Id.ToString(), new { reason = reason.Value });
        var saved = await LeadDetailAccess.SaveAsync(db, ct);
        if (saved.Succeeded) await LeadDetailAccess.PublishChangedAsync(live, tenant, lead.Id, ct);
        return saved;
    }
}
