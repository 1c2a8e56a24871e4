using LoanSaaS.Domain.People;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>Password null = invite: the member sets their own password through the returned link.</summary>
public sealed record AddMemberRequest(string FullName, string Mobile, string Email, AgencyRole Role, Guid? TeamId, string? Password);

public sealed record AddedMember(string UserId, PasswordLink? Invitation);

public sealed class AddMember(TenantContext tenant, TenantScopes scopes, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<Result<AddedMember>> HandleAsync(AddMemberRequest request, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.ManageTeam, ct);
        if (!AgencyRoles.CanManageRole(actor.Role, request.Role)) return Result<AddedMember>.Fail("Role", "RoleNotAllowed");

        var errors = new List<FieldError>();
        MemberInputRules.Name(request.FullName, errors);
        MemberInputRules.Mobile(request.Mobile, errors);
        MemberInputRules.Email(request.Email, errors);
        if (request.Password is not null) MemberInputRules.Password(request.Password, errors);
        if (errors.Count > 0) return Result<AddedMember>.Fail(errors);

        await using var scope = scopes.Begin(tenant.Required);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgencyUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AgencyDbContext>();
        var mobile = ChinaMobile.Normalize(request.Mobile)!;
        var email = request.Email.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.PhoneNumber == mobile, ct)) return Result<AddedMember>.Fail("Mobile", "MobileTaken");
        if (request.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId && !t.IsArchived, ct))
            return Result<AddedMember>.Fail("TeamId", "TeamUnknown");

        var now = time.GetUtcNow();
        var user = new AgencyUser
        {
            UserName = email, Email = email, EmailConfirmed = true, PhoneNumber = mobile, FullName = PersonName.Normalize(request.FullName),
            Role = request.Role, TeamId = request.TeamId, CreatedAt = now, InvitedAt = request.Password is null ? now : null,
        };
        var created = request.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        if (!created.Succeeded) return Result<AddedMember>.Fail(MemberInputRules.FromIdentity(created));

        PasswordLink? invitation = request.Password is null ? await PasswordLink.IssueAsync(users, user) : null;
        audit.Add(db, new AuditActor(actor.UserId, actor.FullName), request.Password is null ? "member.invited" : "member.created",
            "user", user.Id, new { role = AgencyRoles.Key(request.Role), team = request.TeamId, mobile = ChinaMobile.Mask(mobile) });
        await db.SaveChangesAsync(ct);
        return Result<AddedMember>.Ok(new AddedMember(user.Id, invitation));
    }
}
