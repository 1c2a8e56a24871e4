using LoanSaaS.Domain.People;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Provisioning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.SignUp;

public sealed record SignUpRequest(string AgencyName, string Slug, string OwnerName, string Mobile, string Email, string Password);

/// <summary>
/// Registers an agency on the trial plan and queues provisioning of its own database. The unique slug index decides
/// a race between two sign-ups: exactly one wins, the other gets a field error.
/// </summary>
public sealed class SignUpAgency(CatalogDbContextFactory catalog, TenantDatabaseConnector connector, ProvisioningQueue queue, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(SignUpRequest request, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        var slug = SlugRules.Normalize(request.Slug);
        if (!await IsSlugFreeAsync(slug, ct)) return Result<Guid>.Fail("Slug", "SlugTaken");

        var now = time.GetUtcNow();
        var email = request.Email.Trim().ToLowerInvariant();
        var tenant = new Tenant
        {
            Slug = slug,
            Name = request.AgencyName.Trim(),
            Provider = connector.Provider,
            DatabaseName = connector.DatabaseNameFor(slug),
            TrialEndsOn = Plans.TrialEnd(now),
            CreatedAt = now,
            PendingOwner = new PendingOwner
            {
                Name = PersonName.Normalize(request.OwnerName),
                Mobile = ChinaMobile.Normalize(request.Mobile)!,
                Email = email,
                PasswordHash = new PasswordHasher<AgencyUser>().HashPassword(null!, request.Password),
            },
        };
        await using (var db = catalog.Create())
        {
            db.Tenants.Add(tenant);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return Result<Guid>.Fail("Slug", "SlugTaken");
            }
        }
        await queue.EnqueueAsync(tenant.Id, ct);
        return Result<Guid>.Ok(tenant.Id);
    }

    public async Task<bool> IsSlugFreeAsync(string slug, CancellationToken ct)
    {
        await using var db = catalog.Create();
        return !await db.Tenants.AnyAsync(t => t.Slug == slug, ct);
    }

    public static List<FieldError> Validate(SignUpRequest r)
    {
        var errors = new List<FieldError>();
        var name = (r.AgencyName ?? "").Trim();
        if (name.Length == 0) errors.Add(new("AgencyName", "Required"));
        else if (name.Length > 100) errors.Add(new("AgencyName", "TooLong"));
        if (SlugRules.Validate(SlugRules.Normalize(r.Slug)) is { } slugError) errors.Add(new("Slug", "Slug" + slugError));
        MemberInputRules.Name(r.OwnerName, errors, "OwnerName");
        MemberInputRules.Mobile(r.Mobile, errors);
        MemberInputRules.Email(r.Email, errors);
        MemberInputRules.Password(r.Password, errors);
        return errors;
    }
}
