using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class TenantIsolationBrowserTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string[] AgencyPaths = ["/", "/team"];

    [Fact]
    public Task A_session_cookie_replayed_on_another_agency_host_is_refused() => Journey(async () =>
    {
        var other = NewAgency.Random();
        await SignUpFlow.CreateAsync(await NewPageAsync(), App, other);

        var demoOwner = await NewPageAsync();
        await demoOwner.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        var session = (await demoOwner.Context.CookiesAsync()).Single(c => c.Name == "loansaas.session");

        var thief = await NewContextAsync();
        var page = await thief.NewPageAsync();
        foreach (var path in AgencyPaths)
        {
            // Set again for every address, in case a response drops the rejected cookie.
            await thief.AddCookiesAsync([new Cookie
            {
                Name = session.Name, Value = session.Value, Domain = $"{other.Slug}.localhost", Path = "/", HttpOnly = true, SameSite = SameSiteAttribute.Lax,
            }]);
            var response = await page.GotoAsync(App.AgencyUrl(other.Slug) + path);
            Assert.Equal(403, response!.Status);
            await Expect(page.Locator("[data-testid=tenant-status]")).ToHaveAttributeAsync("data-kind", "Refused");
            var text = await page.Locator("body").InnerTextAsync();
            Assert.DoesNotContain(other.OwnerName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(other.OwnerMobile, text, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoOwnerName, text, StringComparison.Ordinal);
            await Expect(page.ByTestId("welcome")).ToHaveCountAsync(0);
            await Expect(page.ByTestId("member-row")).ToHaveCountAsync(0);
            Step($"{path} with demo's cookie on {other.Slug}: {response.Status} {page.Url}");
        }
        await Screenshots.Shoot(page, "refused");
    });

    [Fact]
    public Task An_unknown_workspace_shows_the_not_found_page() => Journey(async () =>
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync(App.AgencyUrl("no-such-agency-" + Guid.NewGuid().ToString("N")[..6]) + "/login");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("[data-testid=tenant-status]")).ToHaveAttributeAsync("data-kind", "NotFound");
        await Expect(page.ByTestId("login-card")).ToHaveCountAsync(0);
        Assert.Matches(Ui.Chinese(), await page.ByTestId("tenant-status").InnerTextAsync());
        await Screenshots.Shoot(page, "workspace-not-found");
    });

    [Fact]
    public Task A_suspended_agency_locks_its_users_out_until_resumed() => Journey(async () =>
    {
        var agency = NewAgency.Random();
        await SignUpFlow.CreateAsync(await NewPageAsync(), App, agency);
        var owner = await NewPageAsync();
        await owner.LoginAsync(App.AgencyUrl(agency.Slug), agency.OwnerMobile, agency.OwnerPassword);
        await Expect(owner.ByTestId("welcome")).ToContainTextAsync(agency.OwnerName);

        var admin = await NewPageAsync();
        await admin.GotoAsync(App.ApexUrl + "/admin/login");
        await Expect(admin.ByTestId("admin-login-submit")).ToBeVisibleAsync();
        await Screenshots.Shoot(admin, "admin-login");
        await admin.FillField("admin-email", AppServer.AdminEmail);
        await admin.FillField("admin-password", AppServer.AdminPassword);
        await admin.ClickTestId("admin-login-submit");
        await admin.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/admin/login", StringComparison.Ordinal));
        if (!new Uri(admin.Url).AbsolutePath.StartsWith("/admin", StringComparison.Ordinal))
            await admin.GotoAsync(App.ApexUrl + "/admin");
        await admin.WaitInteractiveAsync();

        var row = admin.Locator($"[data-testid=agency-row][data-slug='{agency.Slug}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(admin.Locator($"[data-testid=agency-row][data-slug='{DemoSlug}']")).ToBeVisibleAsync();
        await Screenshots.Shoot(admin, "admin-agencies");

        await row.ByTestId("agency-suspend").ClickAsync();
        await admin.FillField("suspend-reason", "端到端测试：欠费暂停");
        await admin.ClickTestId("suspend-confirm");
        await Expect(row.ByTestId("agency-resume")).ToBeVisibleAsync();

        // The owner's open page reloads itself when the agency is suspended; a reload must show the same.
        await Expect(owner.Locator("[data-testid=tenant-status]")).ToHaveAttributeAsync("data-kind", "Suspended");
        var response = await owner.ReloadAsync();
        Assert.Equal(503, response!.Status);
        await Expect(owner.Locator("[data-testid=tenant-status]")).ToHaveAttributeAsync("data-kind", "Suspended");
        await Expect(owner.ByTestId("welcome")).ToHaveCountAsync(0);
        await Screenshots.Shoot(owner, "workspace-suspended");

        var login = await NewPageAsync();
        await login.GotoAsync(App.AgencyUrl(agency.Slug) + "/login");
        await Expect(login.Locator("[data-testid=tenant-status]")).ToHaveAttributeAsync("data-kind", "Suspended");
        await Expect(login.ByTestId("login-card")).ToHaveCountAsync(0);

        await row.ByTestId("agency-resume").ClickAsync();
        var confirm = admin.Locator("[data-testid=resume-confirm], [data-testid=confirm-yes]");
        try
        {
            await confirm.First.ClickAsync(new() { Timeout = 2_000 });
        }
        catch (TimeoutException)
        {
            // Resuming needs no confirmation.
        }
        await Expect(row.ByTestId("agency-suspend")).ToBeVisibleAsync();

        await owner.ReloadAsync();
        await owner.WaitInteractiveAsync();
        await Expect(owner.ByTestId("welcome")).ToContainTextAsync(agency.OwnerName);
    });
}
