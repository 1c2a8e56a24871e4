using System.Net;
using LoanSaaS.Integration.Tests.Harness;

namespace LoanSaaS.Integration.Tests.Hosting;

public abstract class HealthAndHeadersTests(AppHost app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_answer_on_any_host(string path)
    {
        foreach (var host in new[] { "127.0.0.1", AppHost.BaseDomain, app.AgencyHost(TestIds.Slug("nohost")) })
        {
            using var client = app.CreateClient(host);
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} on {host}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("headers"));
        var pages = new (string Host, string Path, HttpStatusCode Status)[]
        {
            (AppHost.BaseDomain, "/", HttpStatusCode.OK),
            (agency.Host, "/login", HttpStatusCode.OK),
            (app.AgencyHost(TestIds.Slug("nosuch")), "/", HttpStatusCode.NotFound),
        };
        foreach (var (host, path, status) in pages)
        {
            using var client = app.CreateClient(host);
            using var response = await client.GetAsync(path);
            Assert.Equal(status, response.StatusCode);
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("default-src 'self'", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site()
    {
        var agency = await app.ProvisionAgencyAsync(TestIds.Slug("cookie"));
        using var client = app.CreateAgencyClient(agency);
        using var page = await client.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var fields = HtmlForm.HiddenFields(html, "login");
        fields["Input.Login"] = agency.OwnerEmail;
        fields["Input.Password"] = agency.OwnerPassword;
        using var post = await client.Http.PostAsync("/login", new FormUrlEncodedContent(fields));
        var session = Assert.Single(post.SetCookies(), c => c.StartsWith(AppHost.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var location = Assert.IsType<Uri>(post.Headers.Location);
        Assert.Equal("/", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
        if (location.IsAbsoluteUri) Assert.Equal(agency.Host, location.Host);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteHealthAndHeadersTests(SqliteAppHost app) : HealthAndHeadersTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresHealthAndHeadersTests(PostgresAppHost app) : HealthAndHeadersTests(app);
