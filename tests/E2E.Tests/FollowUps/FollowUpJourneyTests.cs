using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.FollowUps;

[Collection(BrowserCollection.Name)]
public sealed class FollowUpJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_salesperson_on_a_phone_logs_follow_ups_from_my_tasks_and_the_lead_page() => Journey(async () =>
    {
        var page = await NewPageAsync(390, 844);
        var marker = Guid.NewGuid().ToString("N")[..6];

        Step("sign in straight to my tasks");
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/login?ReturnUrl=%2Ftasks");
        await page.FillField("login-name", DemoSalesMobile);
        await page.FillField("login-password", DemoPassword);
        await page.ClickTestId("login-submit");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/tasks");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("tasks-page")).ToBeVisibleAsync();
        await page.ClickTestId("tasks-upcoming");
        var row = page.ByTestId("task-row").First;
        await Expect(row).ToBeVisibleAsync();
        var name = (await row.Locator(".task-name").InnerTextAsync()).Trim();
        var leadUrl = await row.ByTestId("task-link").GetAttributeAsync("href");
        Assert.Matches("^/leads/[0-9a-f-]{36}$", leadUrl);
        await Screenshots.Shoot(page, "tasks");

        Step("quick add from a task row: the lead is preselected");
        await row.ByTestId("task-log").ClickAsync();
        var dialog = page.ByTestId("quick-followup-dialog");
        await Expect(dialog.ByTestId("quick-lead-chosen")).ToContainTextAsync(name);
        await page.ClickTestId("followup-save");
        await Expect(dialog).ToContainTextAsync("请填写跟进内容");
        await page.ClickTestId("followup-channel-WeChat");
        await page.FillField("followup-content", $"微信发送材料清单 {marker}");
        await page.ClickTestId("followup-quick-Tomorrow");
        await Expect(dialog.Locator("input[data-testid='followup-next']")).Not.ToHaveValueAsync("");
        await Screenshots.Shoot(page, "followup-quick-add");
        await page.ClickTestId("followup-save");
        await Expect(dialog).ToHaveCountAsync(0);

        Step("quick add from the button: search the lead by name");
        await page.ClickTestId("quick-add-fab");
        await page.FillField("quick-lead-search", name);
        var option = page.ByTestId("quick-lead-option").Filter(new() { HasText = name }).First;
        await Expect(option).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "followup-quick-search");
        await option.ClickAsync();
        await Expect(page.ByTestId("quick-lead-chosen")).ToContainTextAsync(name);
        await page.ClickTestId("followup-cancel");
        await Expect(page.ByTestId("quick-followup-dialog")).ToHaveCountAsync(0);

        Step("the lead page shows it, and logs another with a next time");
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + leadUrl);
        await page.WaitInteractiveAsync();
        var panel = page.ByTestId("followup-panel");
        await Expect(panel.ByTestId("followup-item-content").First).ToContainTextAsync(marker);
        await page.FillField("followup-content", $"电话沟通，约了面签 {marker}-2");
        await page.ClickTestId("followup-quick-In3Days");
        await page.ClickTestId("followup-save");
        await Expect(panel.ByTestId("followup-item-content").First).ToContainTextAsync($"{marker}-2");
        await Expect(panel.ByTestId("followup-next-at")).ToBeVisibleAsync();
        await Expect(panel.ByTestId("followup-item")).Not.ToHaveCountAsync(1);
        await panel.ScrollIntoViewIfNeededAsync();
        await Screenshots.Shoot(page, "lead-followups");

        Step("notification bell");
        // The "saved" snackbar sits over the app bar on a phone.
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync()) await close.ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await page.ClickTestId("notification-button");
        await Expect(page.Locator(".mud-popover-open").Filter(new() { HasText = "通知" })).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "notification-bell");
    });
}
