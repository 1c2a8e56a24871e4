using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Automation;

/// <summary>
/// 自动化规则: the owner builds "follow-up logged (city 上海) → add a tag + notify the manager" in the editor, dry-runs
/// it, logs a follow-up on a lead it lists; the tag appears on the lead and the run log shows the run. The rule is
/// deleted at the end so other journeys on the demo agency are not touched by it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AutomationJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_owner_builds_a_rule_dry_runs_it_and_a_logged_follow_up_tags_the_lead() => Journey(async () =>
    {
        var marker = Guid.NewGuid().ToString("N")[..4];
        var ruleName = "跟进打标" + marker;
        var tag = "E2E" + marker;
        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await page.ClickTestId("nav-automation");
        await page.WaitForURLAsync(new Regex("/settings/automation$"));
        await page.WaitInteractiveAsync();
        await Expect(page.Locator("[data-testid='automation-rule'][data-name='3 天未跟进提醒']")).ToBeVisibleAsync();

        Step("the editor: trigger, condition, two actions");
        await page.ClickTestId("automation-new");
        var dialog = page.ByTestId("automation-dialog");
        await page.FillField("automation-name", ruleName);
        await page.ChooseAsync(dialog.ByTestId("automation-trigger-kind"), "写跟进记录");
        await dialog.ByTestId("condition-add").First.ClickAsync();
        await page.ChooseAsync(dialog.ByTestId("condition-field").First, "城市");
        await page.ChooseAsync(dialog.ByTestId("condition-operator").First, "包含");
        var value = await Ui.InputAsync(dialog.ByTestId("condition-value").First);
        await value.FillAsync("上海");
        await value.BlurAsync();
        await page.ChooseAsync(dialog.ByTestId("automation-action-kind").First, "添加标签");
        await page.FillField("automation-action-value", tag);
        await page.ClickTestId("automation-action-add");
        await page.ChooseAsync(dialog.ByTestId("automation-action-kind").Nth(1), "站内提醒");
        await page.ChooseAsync(dialog.ByTestId("automation-action-target").Last, "负责人的主管");
        var message = await Ui.InputAsync(dialog.ByTestId("automation-action-value").Last);
        await message.FillAsync("{负责人} 跟进了 {姓名}");
        await message.BlurAsync();
        await page.ClickTestId("automation-action-add");
        await page.ChooseAsync(dialog.ByTestId("automation-action-kind").Nth(2), "发送短信");
        var sms = await Ui.InputAsync(dialog.ByTestId("automation-action-value").Last);
        await sms.FillAsync("{姓名}您好，感谢您的咨询，{负责人}稍后与您联系");
        await sms.BlurAsync();
        await Screenshots.Shoot(page, "automation-editor");
        await page.ClickTestId("automation-save");
        await Expect(dialog).ToHaveCountAsync(0);
        var rule = page.Locator($"[data-testid='automation-rule'][data-name='{ruleName}']");
        await Expect(rule.ByTestId("automation-trigger")).ToContainTextAsync("写跟进记录");
        await Expect(rule.ByTestId("automation-condition")).ToContainTextAsync("城市 包含 上海");
        await Expect(rule.ByTestId("automation-actions")).ToContainTextAsync($"添加标签“{tag}”");
        await Expect(rule.ByTestId("automation-actions")).ToContainTextAsync("提醒负责人的主管");
        await Expect(rule.ByTestId("automation-actions")).ToContainTextAsync("短信给客户本人");
        await Screenshots.Shoot(page, "automation-rules");

        Step("dry run: the leads in 上海, none changed");
        await rule.ByTestId("automation-dry-run").ClickAsync();
        var dry = page.ByTestId("automation-dry-run-dialog");
        await Expect(dry.ByTestId("automation-dry-run-count")).ToContainTextAsync("现在符合条件的线索");
        Assert.True(int.Parse(await dry.ByTestId("automation-dry-run-count").GetAttributeAsync("data-count") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        var first = dry.ByTestId("automation-dry-run-lead").First;
        var href = await first.GetAttributeAsync("href");
        await Screenshots.Shoot(page, "automation-dry-run");
        await page.ClickTestId("automation-dry-run-close");

        Step("a follow-up on that lead: the tag appears on its page");
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + href);
        await page.WaitInteractiveAsync();
        await page.FillField("followup-content", $"电话沟通 {marker}");
        await page.ClickTestId("followup-save");
        await Expect(page.ByTestId("lead-tags")).ToContainTextAsync(tag, new() { Timeout = 15_000 });

        Step("the run log shows the run");
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/settings/automation");
        await page.WaitInteractiveAsync();
        rule = page.Locator($"[data-testid='automation-rule'][data-name='{ruleName}']");
        await rule.ByTestId("automation-runs").ClickAsync();
        var runs = page.ByTestId("automation-runs-dialog");
        await Expect(runs.ByTestId("automation-run")).ToHaveCountAsync(1);
        await Expect(runs.ByTestId("automation-run").First).ToContainTextAsync("已执行");
        await Screenshots.Shoot(page, "automation-runs");
        await page.ClickTestId("automation-runs-close");

        Step("sent messages page, then the rule is deleted");
        await page.ClickTestId("automation-outbox");
        await page.WaitForURLAsync(new Regex("/settings/outbox$"));
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("outbox-message").First).ToContainTextAsync("感谢您的咨询");
        await Expect(page.Locator("[data-testid='outbox-message'][data-status='Sent']").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Matches(@"^1\d{2}\*{4}\d{4}$", (await page.ByTestId("outbox-recipient").First.InnerTextAsync()).Trim());
        await Screenshots.Shoot(page, "automation-outbox");
        await page.GoBackAsync();
        await page.WaitInteractiveAsync();
        rule = page.Locator($"[data-testid='automation-rule'][data-name='{ruleName}']");
        await rule.ByTestId("automation-archive").ClickAsync();
        await page.Locator(".mud-dialog .mud-button-root", new() { HasText = "删除" }).Last.ClickAsync();
        await Expect(page.Locator($"[data-testid='automation-rule'][data-name='{ruleName}']")).ToHaveCountAsync(0);
    });
}
