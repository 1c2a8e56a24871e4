using System.Globalization;
using LoanSaaS.E2E.Tests.Infrastructure;
using MiniExcelLibs;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Imports;

[Collection(BrowserCollection.Name)]
public sealed class LeadImportJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const int Rows = 1000;
    private const int BadMobiles = 20;
    private const int MissingNames = 10;
    private static readonly string[] CountAttributes = ["data-created", "data-updated", "data-duplicates"];

    [Fact]
    public Task Manager_imports_a_1000_row_workbook_watches_progress_and_downloads_the_rejected_rows() => Journey(async () =>
    {
        var page = await NewPageAsync();
        var agency = App.AgencyUrl(DemoSlug);
        // Straight to the wizard after signing in (the journey starts there, not on the home page).
        await LoginToAsync(page, agency, "/leads/imports/new");
        var file = Path.Combine(Path.GetTempPath(), $"客户名单-{Guid.NewGuid():N}.xlsx");
        WriteWorkbook(file);

        Step("upload");
        await Expect(page.ByTestId("import-drop")).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "import-1-upload");
        await page.ByTestId("import-file").SetInputFilesAsync(file);

        Step("mapping");
        await Expect(page.ByTestId("import-mapping")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.ByTestId("import-map-row")).ToHaveCountAsync(6);
        await Expect(page.ByTestId("import-map-0")).ToContainTextAsync("姓名");
        await Expect(page.ByTestId("import-map-1")).ToContainTextAsync("手机号");
        await Expect(page.ByTestId("import-map-5")).ToContainTextAsync("忽略");
        await Screenshots.Shoot(page, "import-2-mapping");

        Step("preview");
        await page.ClickTestId("import-next");
        await Expect(page.ByTestId("import-preview")).ToBeVisibleAsync();
        await Expect(page.ByTestId("import-preview-row")).ToHaveCountAsync(20);
        await Expect(page.ByTestId("import-bad-cell").First).ToHaveAttributeAsync("title", "手机号格式不正确");
        await Screenshots.Shoot(page, "import-3-preview");

        Step("settings");
        await page.ClickTestId("import-next");
        await Expect(page.ByTestId("import-policy")).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "import-4-options");
        await page.ClickTestId("import-start");

        Step("progress");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/leads/imports/[0-9a-f-]{36}$"));
        await Expect(page.ByTestId("import-progress")).ToBeVisibleAsync();
        await Expect(page.ByTestId("import-progress")).ToHaveAttributeAsync("data-percent", "100", new() { Timeout = 90_000 });
        var result = page.ByTestId("import-result");
        await Expect(result).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(result).ToHaveAttributeAsync("data-rejected", (BadMobiles + MissingNames).ToString(CultureInfo.InvariantCulture));
        var imported = 0;
        foreach (var count in CountAttributes)
            imported += int.Parse(await result.GetAttributeAsync(count) ?? "0", CultureInfo.InvariantCulture);
        Assert.Equal(Rows - BadMobiles - MissingNames, imported);
        await Screenshots.Shoot(page, "import-5-result");

        Step("download rejected rows");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ByTestId("import-download-rejected").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"rejected-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(saved);
        var rejected = MiniExcel.Query(saved, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(BadMobiles + MissingNames, rejected.Count);
        Assert.All(rejected, r => Assert.False(string.IsNullOrWhiteSpace(r["原因"]?.ToString())));
        Assert.Equal(BadMobiles, rejected.Count(r => r["原因"]!.ToString()!.Contains("手机号格式不正确", StringComparison.Ordinal)));
        Assert.Equal(MissingNames, rejected.Count(r => r["原因"]!.ToString()!.Contains("请填写姓名", StringComparison.Ordinal)));

        Step("history");
        await page.GotoAsync(agency + "/leads/imports");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("import-row").First.ByTestId("import-status")).ToHaveAttributeAsync("data-status", "Completed");
        await Screenshots.Shoot(page, "import-6-history");
        File.Delete(file);
        File.Delete(saved);
    });

    private static async Task LoginToAsync(Microsoft.Playwright.IPage page, string agency, string path)
    {
        await page.GotoAsync($"{agency}/login?ReturnUrl={Uri.EscapeDataString(path)}");
        await page.FillField("login-name", DemoManagerMobile);
        await page.FillField("login-password", DemoPassword);
        await page.ClickTestId("login-submit");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        await page.WaitInteractiveAsync();
    }

    /// <summary>1,000 rows: every 50th has a bad mobile, every 100th (offset 25) no name; the rest are fresh people.</summary>
    private static void WriteWorkbook(string path)
    {
        var prefix = Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var rows = Enumerable.Range(0, Rows).Select(i => new Dictionary<string, object?>
        {
            ["姓名"] = i % 100 == 25 ? null : $"导入客户{i}",
            ["手机号"] = i % 50 == 0 ? "1234567" : $"136{prefix}{i:D4}",
            ["城市"] = i % 2 == 0 ? "上海" : "苏州",
            ["贷款类型"] = i % 3 == 0 ? "抵押贷" : "信用贷",
            ["需求金额(万)"] = (10 + i % 90).ToString(CultureInfo.InvariantCulture),
            ["备注"] = $"第{i + 2}行",
        }).ToList();
        MiniExcel.SaveAs(path, rows);
    }
}
