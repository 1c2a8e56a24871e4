using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Pools;

/// <summary>客群池: the owner builds a pool with the visual builder, sees its count before saving, and opens it as a list.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PoolJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_owner_builds_a_pool_visually_sees_its_count_and_opens_it_as_a_filtered_list() => Journey(async () =>
    {
        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await page.ClickTestId("nav-pools");
        await page.WaitForURLAsync(new Regex("/pools$"));
        await page.WaitInteractiveAsync();
        // The three examples every agency starts with (other journeys may have added pools to the demo agency).
        await Expect(page.ByTestId("pool-card").First).ToContainTextAsync("高意向大额池");
        await Expect(page.ByTestId("pool-card").Nth(1)).ToContainTextAsync("待激活池");
        await Expect(page.ByTestId("pool-card").Nth(2)).ToContainTextAsync("征信关注池");

        Step("a new pool: intent A, and (Shanghai or amount at least 100 万)");
        await page.ClickTestId("pool-new");
        var dialog = page.ByTestId("pool-edit-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        var name = "A级重点客户 " + Guid.NewGuid().ToString("N")[..4];
        await page.FillField("pool-name", name);
        await page.ChooseAsync(dialog.ByTestId("condition-field").First, "意向等级");
        await page.ChooseAsync(dialog.ByTestId("condition-value").First, "A（强烈）");
        await Expect(page.ByTestId("pool-preview")).ToContainTextAsync(PreviewCount());
        await dialog.ByTestId("condition-add-group").First.ClickAsync();
        var nested = dialog.Locator("[data-testid='condition-group'][data-path='1']");
        await page.ChooseAsync(nested.ByTestId("condition-group-kind"), "满足任一");
        await page.ChooseAsync(nested.ByTestId("condition-field").First, "城市");
        await page.ChooseAsync(nested.ByTestId("condition-operator").First, "包含");
        await TypeAsync(nested.ByTestId("condition-value").First, "上海");
        await nested.ByTestId("condition-add").ClickAsync();
        await page.ChooseAsync(nested.ByTestId("condition-field").Nth(1), "申请金额（万元）");
        await page.ChooseAsync(nested.ByTestId("condition-operator").Nth(1), "大于等于");
        await TypeAsync(nested.ByTestId("condition-value").Nth(1), "100");
        var preview = await SettledPreviewAsync(page);
        await Screenshots.Shoot(page, "pool-builder");
        await page.ClickTestId("pool-save");
        await Expect(dialog).ToHaveCountAsync(0);

        Step("the pool's card counts what the preview counted and describes the condition in words");
        var card = page.Locator("[data-testid='pool-card']", new() { HasText = name });
        await Expect(card.ByTestId("pool-count")).ToHaveTextAsync($"{preview} 人");
        await Expect(card.ByTestId("pool-condition")).ToContainTextAsync("意向等级 等于 A");
        await Expect(card.ByTestId("pool-condition")).ToContainTextAsync("城市 包含 上海 或 申请金额（万元） 大于等于 100");
        await Screenshots.Shoot(page, "pools");

        Step("意向客户 opens the lead list narrowed to the pool: every row has intent A");
        await card.ByTestId("pool-open-leads").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/leads\?pool=[0-9a-f-]{36}$"));
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("lead-filter-pool")).ToContainTextAsync(name);
        var intents = page.ByTestId("lead-intent");
        await Expect(intents.First).ToBeVisibleAsync();
        Assert.All(await intents.EvaluateAllAsync<string[]>("els => els.map(e => e.innerText)"), v => Assert.StartsWith("A", v));
    });


    /// <summary>The preview count once it stops changing: it is re-read a moment after each edit.</summary>
    private static async Task<int> SettledPreviewAsync(IPage page)
    {
        string? last = null;
        for (var i = 0; i < 40; i++)
        {
            await page.WaitForTimeoutAsync(500);
            var text = await page.ByTestId("pool-preview").InnerTextAsync();
            if (text == last && PreviewCount().Match(text) is { Success: true } match)
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            last = text;
        }
        throw new TimeoutException("the pool preview did not settle");
    }

    private static async Task TypeAsync(ILocator field, string text)
    {
        var input = await Ui.InputAsync(field);
        await input.FillAsync(text);
        await input.BlurAsync();
    }

    [GeneratedRegex(@"(\d+) 人")]
    private static partial Regex PreviewCount();
}
