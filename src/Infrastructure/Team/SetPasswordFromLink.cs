using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>The invited or reset member chooses a password through their link (no sign-in needed). Runs in the request's agency scope.</summary>
public sealed class SetPasswordFromLink(UserManager<AgencyUser> users, AgencyDbContext db, AuditLog audit)
{
    public async Task<Result> HandleAsync(string userId, string token, string password, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        MemberInputRules.Password(password, errors);
        if (errors.Count > 0) return Result.Fail(errors);
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive) return Result.Fail("", "LinkInvalid");
        string decoded;
        try
        {
            decoded = PasswordLink.DecodeToken(token);
        }
        catch (FormatException)
        {
            return Result.Fail("", "LinkInvalid");
        }
        var reset = await users.ResetPasswordAsync(user, decoded, password);
        if (!reset.Succeeded)
            return reset.Errors.Any(e => e.Code == "InvalidToken") ? Result.Fail("", "LinkInvalid") : Result.Fail(MemberInputRules.FromIdentity(reset));
        user.InvitedAt = null;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Add(db, new AuditActor(user.Id, user.FullName), "member.password-set", "user", user.Id, null);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
