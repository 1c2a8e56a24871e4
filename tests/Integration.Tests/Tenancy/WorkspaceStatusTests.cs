using System.Net;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Platform;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Integration.Tests.Tenancy;

/// <summary>Hosts without a usable workspace get a clear status page and nothing else.</summary>
public abstract class WorkspaceStatusTests(AppHost app)
{
    private const string NotFoundTitle = "找不到该工作区";
    private const string SuspendedTitle = "工作区已暂停";

    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/team")]
    public async Task Unknown_agency_host_shows_the_not_found_page(string path)
    {
        using var client = app.CreateClient(app.AgencyHost(TestIds.Slug("nosuch")));
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(NotFoundTitle, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sub_domain_of_an_agency_host_is_not_that_agency()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("nest"));
        using var client = app.CreateClient($"www.{agency.Host}");
        using var response = await client.GetAsync("/login");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(NotFoundTitle, body);
        Assert.DoesNotContain(agency.Info.Name, body);
    }

    [Fact]
    public async Task Deleted_agency_is_not_found_even_for_its_members()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("deleted"));
        using var member = app.CreateAgencyClient(agency);
        await AppHost.LoginAsync(member, agency.OwnerMobile, agency.OwnerPassword);
        await using (var db = app.OpenCatalog())
            await db.Tenants.Where(t => t.Id == agency.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TenantState.Deleted));

        foreach (var path in new[] { "/", "/login" })
        {
            using var response = await member.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains(NotFoundTitle, body);
            Assert.DoesNotContain(agency.OwnerName, body);
        }
    }

    [Fact]
    public async Task Host_outside_the_base_domain_shows_the_not_found_page()
    {
        using var client = app.CreateClient("agency.example.org");
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(NotFoundTitle, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Suspended_agency_is_closed_to_everyone_until_resumed()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("susp"));
        using var member = app.CreateAgencyClient(agency);
        await AppHost.LoginAsync(member, agency.OwnerMobile, agency.OwnerPassword);

        Assert.True((await ChangeStateAsync(s => s.SuspendAsync(agency.Id, "overdue invoice", CancellationToken.None))).Succeeded);

        using (var visitor = app.CreateAgencyClient(agency))
        {
            foreach (var path in new[] { "/", "/login" })
            {
                using var response = await visitor.GetAsync(path);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains(SuspendedTitle, body);
                Assert.DoesNotContain(agency.OwnerName, body);
            }
        }
        using (var home = await member.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
            var body = await home.Content.ReadAsStringAsync();
            Assert.Contains(SuspendedTitle, body);
            Assert.DoesNotContain(agency.OwnerName, body);
        }
        using (var negotiate = await member.Http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, negotiate.StatusCode);
        // A new sign-in is impossible too: the login page itself is the status page.
        using (var login = await member.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
               { ["_handler"] = "login", ["Input.Login"] = agency.OwnerMobile, ["Input.Password"] = agency.OwnerPassword })))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
            Assert.False(login.SetsCookie(AppHost.SessionCookie));
        }

        Assert.True((await ChangeStateAsync(s => s.ResumeAsync(agency.Id, CancellationToken.None))).Succeeded);

        using (var home = await member.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains(agency.OwnerName, await home.Content.ReadAsStringAsync());
        }
        using var again = app.CreateAgencyClient(agency);
        await AppHost.LoginAsync(again, agency.OwnerEmail, agency.OwnerPassword);
    }

    private async Task<LoanSaaS.Infrastructure.Common.Result> ChangeStateAsync(Func<ManageAgencyState, Task<LoanSaaS.Infrastructure.Common.Result>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<ManageAgencyState>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteWorkspaceStatusTests(SqliteAppHost app) : WorkspaceStatusTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkspaceStatusTests(PostgresAppHost app) : WorkspaceStatusTests(app);
