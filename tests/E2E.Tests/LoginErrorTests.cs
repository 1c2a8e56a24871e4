using LoanSaaS.E2E.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LoginErrorTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Wrong_password_shows_a_Chinese_error_and_keeps_the_login() => Journey(async () =>
    {
        var page = await NewPageAsync();
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/login");
        await Expect(page.ByTestId("login-card")).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "agency-login");

        await page.FillField("login-name", DemoAdminMobile);
        await page.FillField("login-password", "Wrong#2026x");
        await page.ClickTestId("login-submit");

        await Ui.ExpectChineseAsync(page.ByTestId("login-error"), "密码不正确");
        Assert.Equal(DemoAdminMobile, await page.ReadField("login-name"));
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    });

    [Fact]
    public Task Five_wrong_passwords_lock_the_account_even_for_the_right_one() => Journey(async () =>
    {
        // 黄磊 (post-loan) is locked for the rest of the run, so no other journey may sign in as him.
        const string lockedMobile = "13800138010";
        var page = await NewPageAsync();
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/login");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.FillField("login-name", lockedMobile);
            await page.FillField("login-password", $"Wrong#{attempt}x");
            await page.ClickTestId("login-submit");
            await Expect(page.ByTestId("login-error")).ToBeVisibleAsync();
            if (attempt < 5)
                await Expect(page.ByTestId("login-error")).ToContainTextAsync("密码不正确");
        }

        await page.FillField("login-name", lockedMobile);
        await page.FillField("login-password", DemoPassword);
        await page.ClickTestId("login-submit");
        await Ui.ExpectChineseAsync(page.ByTestId("login-error"), "锁定");
        await Expect(page.ByTestId("welcome")).ToHaveCountAsync(0);
    });
}
