using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>Changes a member's role and team. The stamp the editor saw must still be current (no silent overwrite).</summary>
public sealed record UpdateMemberRequest(string UserId, AgencyRole Role, Guid? TeamId, string ConcurrencyStamp);

public sealed class UpdateMember(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live)
{
    public async Task<Result> HandleAsync(UpdateMemberRequest request, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.ManageTeam, ct);
        await using var db = contexts.Create();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, ct);
        if (user is null) return Result.Fail("", "MemberNotFound");
        if (!AgencyRoles.CanManageRole(actor.Role, user.Role) || !AgencyRoles.CanManageRole(actor.Role, request.Role))
            return Result.Fail("Role", "RoleNotAllowed");
        if (user.Id == actor.UserId && request.Role != user.Role) return Result.Fail("Role", "CannotChangeOwnRole");
        if (user.ConcurrencyStamp != request.ConcurrencyStamp) return Result.Fail("", "ChangedByOthers");
        if (request.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId && !t.IsArchived, ct))
            return Result.Fail("TeamId", "TeamUnknown");
        if (user.Role == AgencyRole.Owner && request.Role != AgencyRole.Owner
            && await db.Users.CountAsync(u => u.Role == AgencyRole.Owner && u.IsActive, ct) <= 1)
            return Result.Fail("Role", "LastOwner");

        if (user.Role == request.Role && user.TeamId == request.TeamId) return Result.Ok();

        var old = new { role = AgencyRoles.Key(user.Role), team = user.TeamId };
        user.Role = request.Role;
        user.TeamId = request.TeamId;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        // Role, scope and team live in the cookie: a new stamp makes the member sign in again with the new rights.
        // Not for a member still to accept an invitation (no session; a new stamp would void their link), nor for an
        // owner/admin moving themselves to another team (their role is unchanged; the team applies at their next sign-in).
        var signOut = user.PasswordHash is not null && user.Id != actor.UserId;
        if (signOut) user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Add(db, new AuditActor(actor.UserId, actor.FullName), "member.updated", "user", user.Id,
            new { old, @new = new { role = AgencyRoles.Key(request.Role), team = request.TeamId } });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Fail("", "ChangedByOthers");
        }
        // Open pages of the member reload at once and meet the new stamp, instead of keeping the old rights in their circuit.
        if (signOut) await live.PublishAsync(SetMemberActive.UserTopic(tenant.Required.Id, user.Id), new LiveMessage("signed-out"), ct);
        return Result.Ok();
    }
}
