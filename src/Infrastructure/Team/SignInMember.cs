using LoanSaaS.Domain.People;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Team;

public enum SignInOutcome
{
    Succeeded,
    Invalid,
    LockedOut,
    Deactivated,
}

/// <summary>Signs a member in by mobile or email; repeated failures lock the account (Identity lockout).</summary>
public sealed class SignInMember(SignInManager<AgencyUser> signIn, AgencyDbContext db, AuditLog audit, TimeProvider time)
{
    public async Task<SignInOutcome> HandleAsync(string login, string password, bool remember, CancellationToken ct)
    {
        var key = (login ?? "").Trim();
        var mobile = ChinaMobile.Normalize(key);
        var email = key.ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => (mobile != null && u.PhoneNumber == mobile) || u.NormalizedEmail == email.ToUpperInvariant(), ct);
        if (user is null || string.IsNullOrEmpty(password)) return SignInOutcome.Invalid;
        if (!user.IsActive) return SignInOutcome.Deactivated;

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.IsLockedOut) return SignInOutcome.LockedOut;
        if (!result.Succeeded) return SignInOutcome.Invalid;
        user.LastLoginAt = time.GetUtcNow();
        audit.Add(db, new AuditActor(user.Id, user.FullName), "member.signed-in", "user", user.Id, null);
        await db.SaveChangesAsync(ct);
        return SignInOutcome.Succeeded;
    }
}
