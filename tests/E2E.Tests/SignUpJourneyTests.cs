using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests;

/// <summary>The main journey: a visitor creates an agency, signs in as its owner, invites a salesperson, who signs in with limited rights.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignUpJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string[] Steps = ["Registered", "DatabaseCreated", "Migrated", "Seeded", "OwnerCreated", "Completed"];

    [Fact]
    public Task Visitor_signs_up_invites_a_salesperson_who_gets_limited_access() => Journey(async () =>
    {
        var agency = NewAgency.Random();
        var page = await NewPageAsync();

        // Landing → sign-up form.
        await page.GotoAsync(App.ApexUrl + "/");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("landing-signup")).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "landing");
        await page.ClickTestId("landing-signup");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/signup", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("signup-submit")).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "signup-form");
        Step("sign-up form shown");

        // Bad values first: specific Chinese messages under the fields, nothing typed lost.
        var bad = agency with { Slug = "www", OwnerMobile = "12345", OwnerPassword = "abc" };
        await SignUpFlow.FillAsync(page, bad);
        await page.ClickTestId("signup-submit");
        await Ui.ExpectChineseAsync(page.ByTestId("signup-error-Slug"), "保留");
        await Ui.ExpectChineseAsync(page.ByTestId("signup-error-Mobile"), "手机号");
        await Ui.ExpectChineseAsync(page.ByTestId("signup-error-Password"), "密码");
        await Expect(page.ByTestId("signup-error-AgencyName")).ToHaveCountAsync(0);
        await Expect(page.ByTestId("signup-error-Email")).ToHaveCountAsync(0);
        Assert.Equal(bad.Name, await page.ReadField("signup-agency-name"));
        Assert.Equal("www", await page.ReadField("signup-slug"));
        Assert.Equal(bad.OwnerName, await page.ReadField("signup-owner-name"));
        Assert.Equal("12345", await page.ReadField("signup-mobile"));
        Assert.Equal(bad.OwnerEmail, await page.ReadField("signup-email"));
        Assert.Equal("abc", await page.ReadField("signup-password"));
        await Expect(page.ByTestId("signup-done")).ToHaveCountAsync(0);
        await Screenshots.Shoot(page, "signup-errors");
        Step("validation errors checked");

        // Fixed values → progress → done.
        await page.FillField("signup-slug", agency.Slug);
        await page.FillField("signup-mobile", agency.OwnerMobile);
        await page.FillField("signup-password", agency.OwnerPassword);
        await page.ClickTestId("signup-submit");
        await Expect(page.ByTestId("signup-progress")).ToBeVisibleAsync();
        await SignUpFlow.WaitDoneAsync(page);
        foreach (var step in Steps)
            await Expect(page.ByTestId("progress-step-" + step)).ToHaveAttributeAsync("data-done", "true");
        await Screenshots.Shoot(page, "signup-done");

        Step("workspace ready");
        await page.ClickTestId("signup-go-login");
        await page.WaitForURLAsync(App.AgencyUrl(agency.Slug) + "/login");
        Step("login page");

        // The owner signs in and invites a salesperson.
        await page.FillField("login-name", agency.OwnerMobile);
        await page.FillField("login-password", agency.OwnerPassword);
        await page.ClickTestId("login-submit");
        await page.WaitForURLAsync(App.AgencyUrl(agency.Slug) + "/");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("welcome")).ToContainTextAsync(agency.OwnerName);

        Step("owner home");
        await page.ClickTestId("nav-team");
        await page.WaitForURLAsync(App.AgencyUrl(agency.Slug) + "/team");
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid=member-row]")).ToHaveCountAsync(1);
        await Screenshots.Shoot(page, "team");

        Step("team page");
        var sales = new { Name = "周晓明", Mobile = "137" + Random.Shared.Next(10_000_000, 99_999_999), Email = $"sales-{agency.Slug}@example.cn", Password = "Sales#2026go" };
        await page.ClickTestId("team-add-member");
        var dialog = page.ByTestId("member-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await page.FillField("member-name", sales.Name);
        await page.FillField("member-mobile", sales.Mobile);
        await page.FillField("member-email", sales.Email);
        await ChooseRoleAsync(page, "sales");
        await page.ClickTestId("member-mode-invite");
        await page.ClickTestId("member-save");
        await Expect(page.ByTestId("invite-link")).ToBeVisibleAsync();
        var link = await page.ReadField("invite-link");
        Assert.StartsWith(App.AgencyUrl(agency.Slug) + "/account/set-password?", link, StringComparison.Ordinal);
        await Screenshots.Shoot(page, "invite-link");
        Step("invite link issued");

        // The salesperson opens the link in their own browser, chooses a password and signs in.
        var salesPage = await NewPageAsync();
        await salesPage.GotoAsync(link);
        await Expect(salesPage.ByTestId("set-password-submit")).ToBeVisibleAsync();
        await Screenshots.Shoot(salesPage, "set-password");
        Step("set-password page");
        await salesPage.FillField("new-password", sales.Password);
        await salesPage.FillField("confirm-password", sales.Password);
        await salesPage.ClickTestId("set-password-submit");
        await salesPage.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        Step("password set");
        await salesPage.LoginAsync(App.AgencyUrl(agency.Slug), sales.Mobile, sales.Password);
        await Expect(salesPage.ByTestId("welcome")).ToContainTextAsync(sales.Name);
        await Expect(salesPage.ByTestId("nav-menu")).ToBeVisibleAsync();
        await Expect(salesPage.ByTestId("nav-team")).ToHaveCountAsync(0);
        await Screenshots.Shoot(salesPage, "home-sales");
        Step("sales home");

        // The team page is not for salespeople, even by typing its address.
        await salesPage.GotoAsync(App.AgencyUrl(agency.Slug) + "/team");
        await Ui.ExpectChineseAsync(salesPage.ByTestId("access-denied"), "");
        await Expect(salesPage.ByTestId("team-page")).ToHaveCountAsync(0);
        await Expect(salesPage.ByTestId("member-row")).ToHaveCountAsync(0);
        await Expect(salesPage.ByTestId("team-add-member")).ToHaveCountAsync(0);
        Step($"team refused to sales, who is at {salesPage.Url}");

        // Back on the owner's page the new member is listed.
        await page.ReloadAsync();
        await page.WaitInteractiveAsync();
        await Expect(page.Locator($"[data-testid=member-row][data-email='{sales.Email}']")).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_landing_page_takes_a_member_to_their_workspace_login() => Journey(async () =>
    {
        var page = await NewPageAsync();
        await page.GotoAsync(App.ApexUrl + "/");
        await page.WaitInteractiveAsync();
        await page.FillField("landing-workspace-input", "Demo");
        await page.ClickTestId("landing-workspace-go");
        await page.WaitForURLAsync(App.AgencyUrl(DemoSlug) + "/login");
        await Expect(page.ByTestId("login-card")).ToBeVisibleAsync();
    });

    /// <summary>Role choices may be chips/radios (visible at once) or items of a select that must be opened first.</summary>
    private static async Task ChooseRoleAsync(IPage page, string role)
    {
        var choice = page.ByTestId("member-role-" + role).First;
        if (!await choice.IsVisibleAsync())
        {
            var select = page.ByTestId("member-role");
            if (await select.CountAsync() > 0) await select.First.ClickAsync();
        }
        await choice.ClickAsync();
    }
}
