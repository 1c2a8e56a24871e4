using LoanSaaS.E2E.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Settings;

[Collection(BrowserCollection.Name)]
public sealed class LeadSettingsPageTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_owner_adds_a_source_and_publishes_a_new_consent_version() => Journey(async () =>
    {
        var page = await NewPageAsync();
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/login?ReturnUrl=%2Fsettings%2Fleads");
        await page.FillField("login-name", DemoOwnerMobile);
        await page.FillField("login-password", DemoPassword);
        await page.ClickTestId("login-submit");
        await page.WaitForURLAsync(url => url.EndsWith("/settings/leads", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("lead-settings-page")).ToBeVisibleAsync();
        await Expect(page.ByTestId("settings-embed-code")).ToContainTextAsync("/apply");

        Step("add a source");
        var source = "抖音" + Guid.NewGuid().ToString("N")[..4];
        var sources = page.ByTestId("dictionary-Source");
        await (await Ui.InputAsync(sources.ByTestId("dictionary-new-name"))).FillAsync(source);
        await sources.ByTestId("dictionary-add").ClickAsync();
        await Expect(sources.Locator($"[data-testid='dictionary-row'][data-name='{source}']")).ToBeVisibleAsync();

        Step("change the consent text: a new version appears in the history");
        var versions = await page.ByTestId("settings-consent-history-row").CountAsync();
        var before = await page.ByTestId("settings-consent-version").InnerTextAsync();
        await page.FillField("settings-consent-text", "本人同意本机构依据《个人信息保护法》处理本人信息（测试版本" + source + "）。");
        await Expect(page.ByTestId("settings-consent-new")).ToBeVisibleAsync();
        await page.ClickTestId("settings-save");
        await Expect(page.ByTestId("settings-consent-history-row")).ToHaveCountAsync(versions + 1);
        await Expect(page.ByTestId("settings-consent-version")).Not.ToHaveTextAsync(before);
        await Expect(page.ByTestId("settings-consent-new")).ToHaveCountAsync(0);
        await Screenshots.Shoot(page, "lead-settings");
    });
}
