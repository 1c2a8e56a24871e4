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

/// <summary>Gives an active lead up to the public pool (公海): its owner, or a member with ManageLeads over it.</summary>
public sealed class ReleaseToPool(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await LeadDetailAccess.FindAsync(db.Leads, user, leadId, orPooled: false, ct);
        if (lead is null) return Result.Fail([LeadDetailAccess.NotFound]);
        if (lead.OwnerId != user.UserId && !user.Can(Permission.ManageLeads)) throw new AccessDeniedException("Only the owner or ManageLeads may release a lead.");
        if (lead.Status != LeadStatus.Active || lead.OwnerId is null) return Result.Fail("Lead", "NotActive");

        var from = await db.Users.Where(u => u.Id == lead.OwnerId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow();
        lead.AssignTo(null, null, now);
        lead.Status = LeadStatus.PublicPool;
        LeadDetailAccess.Touch(lead, now);
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.pooled", "lead", lead.Id.ToString(), new { from });
        var saved = await LeadDetailAccess.SaveAsync(db, ct);
        if (saved.Succeeded) await LeadDetailAccess.PublishChangedAsync(live, tenant, lead.Id, ct);
        return saved;
    }
}
