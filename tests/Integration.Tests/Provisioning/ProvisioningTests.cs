using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Provisioning;

public abstract class ProvisioningTests(AppHost app)
{
    [Fact]
    public async Task Two_agencies_get_their_own_databases_with_defaults_and_a_working_owner()
    {
        var a = await app.ProvisionAgencyAsync(TestIds.Slug("prov-a"));
        var b = await app.ProvisionAgencyAsync(TestIds.Slug("prov-b"));

        Assert.NotEqual(a.Info.DatabaseName, b.Info.DatabaseName);
        foreach (var agency in new[] { a, b })
        {
            Assert.True(await app.AgencyDatabaseExistsAsync(agency.Info.DatabaseName), $"no database {agency.Info.DatabaseName}");
            var tenant = await app.CatalogTenantAsync(agency.Id);
            Assert.Equal(TenantState.Active, tenant.State);
            Assert.Equal(ProvisioningStep.Completed, tenant.ProvisioningStep);
            Assert.Null(tenant.ProvisioningError);
            Assert.NotNull(tenant.SchemaVersion);
            Assert.NotNull(tenant.ActivatedAt);
            Assert.Null(tenant.PendingOwner);
            Assert.Equal(app.Provider, tenant.Provider);
            await AssertSeededAsync(agency);
        }

        await using (var db = app.OpenAgencyDb(a.Info))
            Assert.DoesNotContain(await db.Users.Select(u => u.Email).ToListAsync(), e => e == b.OwnerEmail.ToLowerInvariant());

        foreach (var agency in new[] { a, b })
        {
            using var client = app.CreateAgencyClient(agency);
            await AppHost.LoginAsync(client, agency.OwnerMobile, agency.OwnerPassword);
        }
    }

    private async Task AssertSeededAsync(Agency agency)
    {
        await using var db = app.OpenAgencyDb(agency.Info);
        var board = await db.FunnelBoards.Include(x => x.Stages).SingleAsync();
        Assert.True(board.IsDefault);
        Assert.Equal(DefaultFunnel.Stages.Select(s => s.Key).Order(), board.Stages.Select(s => s.Key).Order());

        Assert.Equal(SampleProducts.All.Select(p => p.Code).Order(), (await db.LoanProducts.Select(p => p.Code).ToListAsync()).Order());

        var flow = await db.ApprovalFlows.SingleAsync();
        Assert.Equal(ApprovalFlowStatus.Published, flow.Status);
        Assert.NotEmpty(flow.Definition.Nodes);

        var roles = await db.RoleSettings.ToListAsync();
        Assert.Equal(AgencyRoles.All.Order(), roles.Select(r => r.Role).Order());
        Assert.All(roles, r => Assert.Equal(AgencyRoles.ScopeOf(r.Role), r.DataScope));

        var owner = await db.Users.SingleAsync();
        Assert.Equal(AgencyRole.Owner, owner.Role);
        Assert.Equal(agency.OwnerMobile, owner.PhoneNumber);
        Assert.True(owner.IsActive);
        Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(), x => x == "member.created");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteProvisioningTests(SqliteAppHost app) : ProvisioningTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresProvisioningTests(PostgresAppHost app) : ProvisioningTests(app);
