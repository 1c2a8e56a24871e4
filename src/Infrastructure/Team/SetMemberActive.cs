using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>Deactivates (cannot sign in, open sessions end) or reactivates a member. History and data stay.</summary>
public sealed class SetMemberActive(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public static LiveTopic UserTopic(Guid tenantId, string userId) => new(tenantId, $"user:{userId}");

    public async Task<Result> HandleAsync(string userId, bool active, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.ManageTeam, ct);
        if (userId == actor.UserId) return Result.Fail("", "CannotDeactivateSelf");
        await using var db = contexts.Create();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return Result.Fail("", "MemberNotFound");
        if (!AgencyRoles.CanManageRole(actor.Role, user.Role)) return Result.Fail("Role", "RoleNotAllowed");
        if (user.IsActive == active) return Result.Ok();

        user.IsActive = active;
        user.DeactivatedAt = active ? null : time.GetUtcNow();
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (active) user.LockoutEnd = null;
        audit.Add(db, new AuditActor(actor.UserId, actor.FullName), active ? "member.reactivated" : "member.deactivated", "user", user.Id, null);
        await db.SaveChangesAsync(ct);
        if (!active)
            await live.PublishAsync(UserTopic(tenant.Required.Id, userId), new LiveMessage("signed-out"), ct);
        return Result.Ok();
    }
}
