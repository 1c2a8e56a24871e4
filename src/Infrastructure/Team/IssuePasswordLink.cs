using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>Admin "reset password": a one-time link for the member; their current password stops working when they use it.</summary>
public sealed class IssuePasswordLink(TenantContext tenant, TenantScopes scopes, ICurrentUserAccessor current, AuditLog audit)
{
    public async Task<Result<PasswordLink>> HandleAsync(string userId, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.ManageTeam, ct);
        await using var scope = scopes.Begin(tenant.Required);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgencyUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Result<PasswordLink>.Fail("", "MemberNotFound");
        if (!AgencyRoles.CanManageRole(actor.Role, user.Role)) return Result<PasswordLink>.Fail("Role", "RoleNotAllowed");
        // The set-password page refuses deactivated members, so a link would only fail later.
        if (!user.IsActive) return Result<PasswordLink>.Fail("", "MemberInactive");
        var link = await PasswordLink.IssueAsync(users, user);
        var db = scope.ServiceProvider.GetRequiredService<AgencyDbContext>();
        audit.Add(db, new AuditActor(actor.UserId, actor.FullName), "member.password-link", "user", user.Id, null);
        await db.SaveChangesAsync(ct);
        return Result<PasswordLink>.Ok(link);
    }
}
