using LoanSaaS.Domain.People;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Demo;

/// <summary>Creates the demo agency "demo" with a realistic Shanghai team, once. Every demo login uses <see cref="Password"/>.</summary>
public sealed class DemoAgencySeeder(CatalogDbContextFactory catalog, TenantDatabaseConnector connector, TenantProvisioner provisioner, TenantScopes scopes, TimeProvider time)
{
    public const string Slug = "demo";
    public const string Name = "上海惠融助贷服务有限公司";
    public const string Password = "Demo@2026";

    public async Task EnsureAsync(CancellationToken ct)
    {
        Tenant? tenant;
        await using (var db = catalog.Create())
        {
            tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == Slug, ct);
            if (tenant is null)
            {
                var now = time.GetUtcNow();
                var owner = SampleTeam.Owner;
                tenant = new Tenant
                {
                    Slug = Slug, Name = Name, Provider = connector.Provider, DatabaseName = connector.DatabaseNameFor(Slug),
                    TrialEndsOn = Plans.TrialEnd(now), CreatedAt = now,
                    PendingOwner = new PendingOwner
                    {
                        Name = owner.Name, Mobile = owner.Mobile, Email = owner.Email,
                        PasswordHash = new PasswordHasher<AgencyUser>().HashPassword(null!, Password),
                    },
                };
                db.Tenants.Add(tenant);
                await db.SaveChangesAsync(ct);
            }
        }
        if (tenant.State != TenantState.Active && tenant.State != TenantState.Suspended
            && await provisioner.ProvisionAsync(tenant.Id, ct) != TenantState.Active)
            throw new InvalidOperationException("The demo agency could not be provisioned; see the log.");
        await SeedTeamAsync(TenantStore.ToInfo(tenant), ct);
    }

    private async Task SeedTeamAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var scope = scopes.Begin(tenant);
        var db = scope.ServiceProvider.GetRequiredService<AgencyDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgencyUser>>();
        var now = time.GetUtcNow();
        foreach (var t in SampleTeam.Teams)
            if (!await db.Teams.AnyAsync(x => x.Name == t.Name, ct))
                db.Teams.Add(new SalesTeam { Name = t.Name, Region = t.Region, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Name, t => t.Id, ct);

        foreach (var p in SampleTeam.People)
        {
            var user = await users.FindByEmailAsync(p.Email);
            if (user is null)
            {
                user = new AgencyUser
                {
                    UserName = p.Email, Email = p.Email, EmailConfirmed = true, PhoneNumber = ChinaMobile.Normalize(p.Mobile),
                    FullName = p.Name, Role = p.Role, CreatedAt = now,
                };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
            if (p.Team is not null && user.TeamId is null && teams.TryGetValue(p.Team, out var teamId))
            {
                user.TeamId = teamId;
                await users.UpdateAsync(user);
            }
        }
    }
}
