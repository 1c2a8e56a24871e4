using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Owner_home_is_styled_Chinese_and_shows_the_team_link() => Journey(async () =>
    {
        var page = await NewPageAsync();
        var broken = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400) broken.Add($"{r.Status} {r.Url}"); };

        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);

        await Expect(page.ByTestId("welcome")).ToContainTextAsync(DemoOwnerName);
        await Expect(page.ByTestId("home-tasks")).ToBeVisibleAsync();
        await Expect(page.ByTestId("nav-team")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/team$"));
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        // MudBlazor's and our stylesheet are served (static web assets resolved) and applied.
        Assert.Empty(broken);
        Assert.Equal("fixed", await page.Locator(".mud-appbar").First.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.BackgroundAsync("body"));
        await Screenshots.Shoot(page, "agency-home-owner");
    });

    [Fact]
    public Task Culture_switch_changes_the_navigation_to_English_and_back() => Journey(async () =>
    {
        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await Expect(page.ByTestId("nav-menu")).ToContainTextAsync("工作台");
        await Expect(page.ByTestId("nav-team")).ToContainTextAsync("团队管理");

        await page.ClickTestId("culture-menu");
        await page.ClickTestId("culture-en");
        await Expect(page.ByTestId("nav-team")).ToContainTextAsync("Team");
        await Expect(page.ByTestId("nav-menu")).ToContainTextAsync("Home");
        Assert.Equal("en-US", await page.Locator("html").GetAttributeAsync("lang"));

        await page.WaitInteractiveAsync();
        await page.ClickTestId("culture-menu");
        await page.ClickTestId("culture-zh");
        await Expect(page.ByTestId("nav-team")).ToContainTextAsync("团队管理");
        await Expect(page.ByTestId("nav-menu")).ToContainTextAsync("工作台");
    });

    [Fact]
    public Task The_user_menu_opens_and_signs_out() => Journey(async () =>
    {
        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);

        await page.ClickTestId("user-menu-button");
        await Expect(page.ByTestId("user-name")).ToContainTextAsync(DemoOwnerName);
        await page.ClickTestId("sign-out");

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    });

    [Fact]
    public Task Dark_theme_applies_at_once_and_survives_a_reload() => Journey(async () =>
    {
        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        var light = await page.BackgroundAsync("body");

        await page.ClickTestId("theme-toggle");
        await WaitForBackgroundAsync(page, c => c != light);
        var dark = await page.BackgroundAsync("body");
        Assert.True(IsDark(dark), $"expected a dark background, got {dark}");

        await page.ReloadAsync();
        await page.WaitInteractiveAsync();
        Assert.Equal(dark, await page.BackgroundAsync("body"));

        await page.ClickTestId("theme-toggle");
        await WaitForBackgroundAsync(page, c => c == light);
    });

    [Fact]
    public Task On_a_phone_the_drawer_starts_closed_and_opens_from_the_menu_button() => Journey(async () =>
    {
        var page = await NewPageAsync(390, 844);
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        var drawer = page.Locator(".mud-drawer").First;
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
        Assert.True(await NavLeftEdgeAsync(page) < 0, "the navigation should be off screen");

        await page.ClickTestId("nav-toggle");
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
        await Expect(page.ByTestId("nav-team")).ToBeInViewportAsync();
        // Nothing wider than the phone.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "page overflows 390 px");
    });

    private static async Task<double> NavLeftEdgeAsync(IPage page) =>
        (await page.ByTestId("nav-menu").BoundingBoxAsync())?.X ?? -1;

    private static async Task WaitForBackgroundAsync(IPage page, Func<string, bool> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (condition(await page.BackgroundAsync("body"))) return;
            await page.WaitForTimeoutAsync(100);
        }
        Assert.Fail($"body background stayed {await page.BackgroundAsync("body")}");
    }

    private static bool IsDark(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Take(3).Select(p => int.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return parts.Sum() / 3 < 80;
    }
}
