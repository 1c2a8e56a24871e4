using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <param name="Reason">Why (改派原因): required when the lead already has another owner; kept in the audit log and the timeline.</param>
public sealed record AssignLeadRequest(Guid LeadId, string OwnerId, string? Reason = null);

/// <summary>
/// Hands a lead (also one from the public pool) to an active member; the lead joins the member's team, and the
/// member gets an in-app notification at once. Taking a lead from another owner needs a reason (Reason.Required / TooLong).
/// </summary>
public sealed class AssignLead(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public const int MaxReasonLength = 200;

    /// <summary>The members the current user may assign leads to.</summary>
    public async Task<IReadOnlyList<LeadAssignee>> ListAssigneesAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        return await LeadAssignees.ListAsync(db, user, ct);
    }

    public async Task<Result> HandleAsync(AssignLeadRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var lead = await LeadDetailAccess.FindAsync(db.Leads, user, request.LeadId, orPooled: true, ct);
        if (lead is null) return Result.Fail([LeadDetailAccess.NotFound]);
        if (lead.Status is not (LeadStatus.Active or LeadStatus.PublicPool)) return Result.Fail("Lead", "NotActive");
        var owner = await LeadAssignees.For(db, user).Where(u => u.Id == request.OwnerId).Select(u => new { u.Id, u.FullName, u.TeamId }).FirstOrDefaultAsync(ct);
        if (owner is null) return Result.Fail("Owner", "Unknown");
        if (lead.OwnerId == owner.Id && lead.Status == LeadStatus.Active) return Result.Ok();
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is null && lead.Status == LeadStatus.Active && lead.OwnerId is not null) return Result.Fail("Reason", "Required");
        if (reason?.Length > MaxReasonLength) return Result.Fail("Reason", "TooLong");

        var from = lead.OwnerId is null ? null : await db.Users.Where(u => u.Id == lead.OwnerId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow();
        lead.AssignTo(owner.Id, owner.TeamId, now);
        lead.Status = LeadStatus.Active;
        LeadDetailAccess.Touch(lead, now);
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.assigned", "lead", lead.Id.ToString(), new { from, to = owner.FullName, toId = owner.Id, reason });
        var notification = owner.Id == user.UserId ? null
            : new Notification { UserId = owner.Id, Kind = NotificationKind.LeadAssigned, LeadId = lead.Id, Subject = lead.Name, CreatedAt = now };
        if (notification is not null) db.Notifications.Add(notification);
        var saved = await LeadDetailAccess.SaveAsync(db, ct);
        if (!saved.Succeeded) return saved;

        await LeadDetailAccess.PublishChangedAsync(live, tenant, lead.Id, ct);
        if (notification is not null)
            await live.PublishAsync(NotificationEvents.Topic(tenant.Required.Id, owner.Id), NotificationEvents.Created(notification.Id), ct);
        return saved;
    }
}
