using System.Net;
using LoanSaaS.Integration.Tests.Harness;
using static LoanSaaS.Integration.Tests.Leads.LeadPageFixture;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>The lead page over real HTTP: the owner's agency renders it; another agency's host shows "not found" for the same id.</summary>
public abstract class LeadPageHttpTests(AppHost app)
{
    [Fact]
    public async Task Another_agencys_host_shows_not_found_for_the_lead_page_and_the_customer_page()
    {
        var w = await WorldAsync(app);
        var name = "页面" + TestIds.Hex8()[..4];
        var id = await AddAsync(app, w.Agency, w.SalesA.UserId, Input() with { Name = name });

        using var own = app.CreateAgencyClient(w.Agency);
        await AppHost.LoginAsync(own, w.SalesA.Mobile, w.SalesA.Password!);
        using var ownPage = await own.GetAsync($"/leads/{id}");
        var ownHtml = await ownPage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Contains(name, ownHtml);
        Assert.DoesNotContain("data-testid=\"not-found\"", ownHtml);

        using var other = app.CreateAgencyClient(w.Other);
        await AppHost.LoginAsync(other, w.OtherSales.Mobile, w.OtherSales.Password!);
        foreach (var path in new[] { $"/leads/{id}", $"/customers/{id}" })
        {
            using var page = await other.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("data-testid=\"not-found\"", html);
            Assert.DoesNotContain(name, html);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLeadPageHttpTests(SqliteAppHost app) : LeadPageHttpTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadPageHttpTests(PostgresAppHost app) : LeadPageHttpTests(app);
