using System.Net;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Provisioning;

/// <summary>A node that dies between a sign-up and its provisioning leaves the agency registered; the next start finishes it.</summary>
public abstract class ResumeOnStartTests(AppHost app)
{
    [Fact]
    public async Task Provisioning_interrupted_by_a_restart_resumes_on_the_next_start()
    {
        var slug = TestIds.Slug("resume");
        var mobile = TestIds.Mobile();
        var now = DateTimeOffset.UtcNow;
        var tenant = new Tenant
        {
            Slug = slug,
            Name = "续建机构",
            Provider = app.Provider,
            DatabaseName = app.Services.GetRequiredService<TenantDatabaseConnector>().DatabaseNameFor(slug),
            TrialEndsOn = Plans.TrialEnd(now),
            CreatedAt = now,
            PendingOwner = new PendingOwner
            {
                Name = "续建负责人", Mobile = mobile, Email = TestIds.Email("resume"),
                PasswordHash = new PasswordHasher<AgencyUser>().HashPassword(null!, TestIds.Password),
            },
        };
        // What SignUpAgency stored before the node died: the row, but the queue entry died with the node.
        await using (var db = app.OpenCatalog())
        {
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
        }
        var host = app.AgencyHost(slug);
        using (var visitor = app.CreateClient(host))
        {
            using var page = await visitor.GetAsync("/login");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("工作区正在创建", await page.Content.ReadAsStringAsync());
        }

        string cookie;
        await using (var restarted = app.StartAnotherNode())
        {
            var active = await app.WaitForStateAsync(tenant.Id, TenantState.Active);
            Assert.Equal(ProvisioningStep.Completed, active.ProvisioningStep);
            Assert.NotNull(active.SchemaVersion);
            using var client = restarted.CreateClient(host);
            cookie = await AppHost.LoginAsync(client, mobile, TestIds.Password);
        }

        // Nodes share the Data Protection keys through the catalog: a cookie issued by one is valid on the other.
        using var first = app.CreateCookielessClient(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{AppHost.SessionCookie}={cookie}");
        using var home = await first.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("续建负责人", await home.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteResumeOnStartTests(SqliteAppHost app) : ResumeOnStartTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresResumeOnStartTests(PostgresAppHost app) : ResumeOnStartTests(app);
