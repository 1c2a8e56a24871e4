using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Platform;

public sealed class PlatformAdminOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string AdminName { get; set; } = "平台管理员";
}

/// <summary>Platform administrators live in the catalog; sign-in locks out after repeated failures like agency members.</summary>
public sealed class PlatformAdmins(CatalogDbContextFactory catalog, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<PlatformAdmin> Hasher = new();

    /// <summary>Creates the configured administrator if missing (first run); a changed password in configuration is applied.</summary>
    public async Task EnsureAsync(string email, string password, string name, CancellationToken ct)
    {
        await using var db = catalog.Create();
        var key = email.Trim().ToLowerInvariant();
        var admin = await db.PlatformAdmins.FirstOrDefaultAsync(a => a.Email == key, ct);
        if (admin is null)
        {
            admin = new PlatformAdmin { Email = key, Name = name, PasswordHash = "", CreatedAt = time.GetUtcNow() };
            db.PlatformAdmins.Add(admin);
        }
        else if (Hasher.VerifyHashedPassword(admin, admin.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            return;
        }
        admin.PasswordHash = Hasher.HashPassword(admin, password);
        await db.SaveChangesAsync(ct);
    }

    public async Task<(SignInOutcome Outcome, PlatformAdmin? Admin)> SignInAsync(string email, string password, CancellationToken ct)
    {
        await using var db = catalog.Create();
        var key = (email ?? "").Trim().ToLowerInvariant();
        var admin = await db.PlatformAdmins.FirstOrDefaultAsync(a => a.Email == key, ct);
        if (admin is null) return (SignInOutcome.Invalid, null);
        var now = time.GetUtcNow();
        if (admin.LockedUntil > now) return (SignInOutcome.LockedOut, null);
        if (Hasher.VerifyHashedPassword(admin, admin.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            admin.FailedLogins++;
            if (admin.FailedLogins >= MaxFailures)
            {
                admin.LockedUntil = now + LockoutTime;
                admin.FailedLogins = 0;
            }
            await db.SaveChangesAsync(ct);
            return (admin.LockedUntil > now ? SignInOutcome.LockedOut : SignInOutcome.Invalid, null);
        }
        admin.FailedLogins = 0;
        admin.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return (SignInOutcome.Succeeded, admin);
    }
}
