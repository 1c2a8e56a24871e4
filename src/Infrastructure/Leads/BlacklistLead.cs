using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Leads;

public sealed record BlacklistLeadRequest(Guid LeadId, string? Reason);

/// <summary>
/// Blacklists a lead with a reason: its mobile and ID number (blind indexes) go on the blacklist, which every channel
/// checks through <see cref="CaptureLeads"/>, and the reason is shown to staff when the person comes back.
/// </summary>
public sealed class BlacklistLead(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result> HandleAsync(BlacklistLeadRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        var reason = LeadDetailAccess.Reason(request.Reason);
        if (!reason.Succeeded) return reason;

        await using var db = contexts.Create();
        var lead = await LeadDetailAccess.FindAsync(db.Leads, user, request.LeadId, orPooled: true, ct);
        if (lead is null) return Result.Fail([LeadDetailAccess.NotFound]);
        if (lead.Status == LeadStatus.Merged) return Result.Fail("Lead", "Merged");
        if (lead.Status == LeadStatus.Blacklisted) return Result.Fail("Lead", "AlreadyBlacklisted");

        var now = time.GetUtcNow();
        db.Blacklist.Add(new BlacklistEntry
        {
            MobileIndex = lead.Mobile.Index, MobileMasked = lead.Mobile.Masked,
            IdNumberIndex = lead.IdNumber.Index, IdNumberMasked = lead.IdNumber.Masked,
            Name = lead.Name, Reason = reason.Value!, LeadId = lead.Id,
            AddedById = user.UserId, AddedByName = user.FullName, AddedAt = now,
        });
        var from = lead.Status;
        lead.Status = LeadStatus.Blacklisted;
        lead.BlacklistReason = reason.Value;
        LeadDetailAccess.Touch(lead, now);
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.blacklisted", "lead", lead.Id.ToString(), new { reason = reason.Value, from = from.ToString() });
        var saved = await LeadDetailAccess.SaveAsync(db, ct);
        if (saved.Succeeded) await LeadDetailAccess.PublishChangedAsync(live, tenant, lead.Id, ct);
        return saved;
    }
}
