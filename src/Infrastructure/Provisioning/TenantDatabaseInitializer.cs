using LoanSaaS.Domain.Pools;
using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Provisioning;

public sealed class TenantDatabaseInitializer(TenantDatabaseConnector connector, TenantScopes scopes, AuditLog audit, TimeProvider time) : ITenantDatabaseInitializer
{
    public async Task<string?> MigrateAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, tenant.DatabaseName);
        await db.Database.MigrateAsync(ct);
        return (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
    }

    public async Task SeedDefaultsAsync(TenantInfo tenant, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, tenant.DatabaseName);
        var now = time.GetUtcNow();
        var roles = await db.RoleSettings.Select(r => r.Role).ToListAsync(ct);
        db.RoleSettings.AddRange(AgencyRoles.All.Except(roles).Select(RoleSetting.Default));

        if (!await db.FunnelBoards.AnyAsync(ct))
        {
            var board = new FunnelBoard { Name = DefaultFunnel.Name, IsDefault = true };
            board.Stages.AddRange(DefaultFunnel.Stages.Select(s => new FunnelStage
            {
                BoardId = board.Id, Key = s.Key, Name = s.Name, Color = s.Color, Category = s.Category, Order = s.Order, Requirements = [.. s.Requirements],
            }));
            db.FunnelBoards.Add(board);
        }

        if (!await db.CustomerPools.AnyAsync(ct))
            // A millisecond apart, so they list in this order.
            db.CustomerPools.AddRange(DefaultPools.All.Select((p, i) => new CustomerPool
            {
                Name = p.Name, Description = p.Description, Condition = p.Condition, CreatedById = "system", CreatedByName = "系统",
                CreatedAt = now.AddMilliseconds(i), UpdatedAt = now, Version = 1,
            }));

        if (!await db.ReclaimRules.AnyAsync(ct))
            db.ReclaimRules.AddRange(DefaultReclaimRules.All(now));
        if (!await db.AutomationRules.AnyAsync(ct)) db.AutomationRules.Add(DefaultAutomationRules.StaleFollowUp(now));
        if (!await db.AdmissionRules.AnyAsync(ct)) db.AdmissionRules.AddRange(DefaultAdmissionRules.All(now));

        var codes = await db.LoanProducts.Select(p => p.Code).ToListAsync(ct);
        db.LoanProducts.AddRange(SampleProducts.All.Where(p => !codes.Contains(p.Code)).Select(LoanProduct.From));

        if (!await db.ApprovalFlows.AnyAsync(ct)) db.ApprovalFlows.Add(ApprovalFlowVersion.Sample(now));
        await db.SaveChangesAsync(ct);
    }

    public async Task CreateOwnerAsync(TenantInfo tenant, PendingOwner owner, CancellationToken ct)
    {
        await using var scope = scopes.Begin(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgencyUser>>();
        if (await users.FindByEmailAsync(owner.Email) is not null) return;
        var user = new AgencyUser
        {
            UserName = owner.Email, Email = owner.Email, EmailConfirmed = true, PhoneNumber = owner.Mobile,
            FullName = owner.Name, Role = AgencyRole.Owner, CreatedAt = time.GetUtcNow(), PasswordHash = owner.PasswordHash,
        };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the owner: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<AgencyDbContext>();
        audit.Add(db, AuditActor.System, "member.created", "user", user.Id, new { role = "owner" });
        await db.SaveChangesAsync(ct);
    }
}
