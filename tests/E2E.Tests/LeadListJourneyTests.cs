using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests;

/// <summary>The demo manager works the lead lists: search, filter, inline intent edit, then the customers, pool and blacklist views.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadListJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_manager_filters_the_team_leads_edits_an_intent_inline_and_sees_every_list() => Journey(async () =>
    {
        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoManagerMobile, DemoPassword);
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads");
        await page.WaitInteractiveAsync();
        var rows = page.ByTestId("lead-row");
        await Expect(rows.First).ToBeVisibleAsync();
        // "共 N 条", or "超过 1,000 条" once the import journey (same app, same manager) has added its 1,000 rows.
        await Expect(page.ByTestId("lead-count")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("共|超过"));
        Step($"{await rows.CountAsync()} rows on the first page");

        // Intent filter A: every row's intent select then shows A.
        await page.ClickTestId("lead-filter-intent");
        await page.Locator(".mud-popover-open [data-testid='lead-filter-intent-A']").ClickAsync();
        await Expect(page.ByTestId("lead-filter-toggle")).ToBeAttachedAsync();
        await Expect(page.ByTestId("lead-filter-clear")).ToBeVisibleAsync();
        await Expect(rows.First).ToBeVisibleAsync();
        // The grid reloads from the server: wait until every row shows A.
        string[] intents = [];
        for (var i = 0; i < 50; i++)
        {
            intents = await page.ByTestId("lead-intent").EvaluateAllAsync<string[]>("els => els.map(e => e.innerText)");
            if (intents.Length > 0 && intents.All(v => v.StartsWith('A'))) break;
            await page.WaitForTimeoutAsync(200);
        }
        Assert.NotEmpty(intents);
        Assert.All(intents, v => Assert.StartsWith("A", v));

        // Search by the first row's name narrows the list to that name.
        var name = await rows.First.ByTestId("lead-row-name").InnerTextAsync();
        await page.FillField("lead-search", name);
        await Expect(page.ByTestId("lead-row-name").First).ToHaveTextAsync(name);
        Step($"searched {name}");

        // Inline: A → B; the row saves (snackbar) and the filter (intent A) then no longer matches it.
        var number = await rows.First.GetAttributeAsync("data-number");
        await page.ByTestId("lead-intent").First.ClickAsync();
        await page.Locator(".mud-popover-open [data-testid='lead-intent-option-B']").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(name);
        await Expect(page.Locator($"[data-testid='lead-row'][data-number='{number}']")).ToHaveCountAsync(0);
        await page.ClickTestId("lead-filter-clear");
        await Expect(page.Locator($"[data-testid='lead-row'][data-number='{number}']")).ToBeVisibleAsync();
        Assert.StartsWith("B", await page.Locator($"tr:has([data-number='{number}'])").ByTestId("lead-intent").First.InnerTextAsync());
        await page.FillField("lead-search", "");
        await Expect(rows.Nth(5)).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "leads-list");

        // Export the list (masked): a form post, so nothing of the list's search or filters is in the download's URL.
        await page.ClickTestId("lead-export");
        await Expect(page.ByTestId("export-dialog")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickTestId("export-download"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.DoesNotContain("?", download.Url, StringComparison.Ordinal);
        using (var workbook = System.IO.Compression.ZipFile.OpenRead(await download.PathAsync()))
        {
            var xml = string.Concat(workbook.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
            Assert.Matches(@"1\d{2}\*{4}\d{4}", xml);
            Assert.DoesNotMatch(@"\b1[3-9]\d{9}\b", xml);
        }
        Step($"exported {download.SuggestedFilename}");

        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/customers");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("lead-list-customers")).ToBeVisibleAsync();
        await Expect(rows.First).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "leads-customers");

        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads/pool");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("lead-claim").First).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "leads-pool");

        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads/blacklist");
        await page.WaitInteractiveAsync();
        await Expect(rows.First).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "leads-blacklist");
    });

    [Fact]
    public Task On_a_phone_the_list_fits_the_screen_and_the_filters_fold_away() => Journey(async () =>
    {
        var page = await NewPageAsync(390, 844);
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoSalesMobile, DemoPassword);
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("lead-row").First).ToBeVisibleAsync();
        await Expect(page.ByTestId("lead-filter-intent")).ToBeHiddenAsync();
        await page.ClickTestId("lead-filter-toggle");
        await Expect(page.ByTestId("lead-filter-intent")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "page overflows 390 px");
    });
}
