using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using LoanSaaS.Infrastructure.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Applications;

/// <summary>
/// 进件: a sales person makes a lead a customer, starts an application for 好期贷 from the customer page, uploads the
/// documents (a renamed executable is refused with its reason), submits it and sees it in approval — on the list and
/// the customer's page too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ApplicationJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Sales_prepares_an_application_with_documents_and_submits_it() => Journey(async () =>
    {
        var page = await NewPageAsync(1280, 800);
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoSalesMobile, DemoPassword);
        var name = "进" + Guid.NewGuid().ToString("N")[..3];

        Step("a new lead, made a customer");
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/leads/new");
        await page.WaitInteractiveAsync();
        await page.FillField("lead-field-name", name);
        await page.FillField("lead-field-mobile", "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillField("lead-field-city", "上海");
        await page.FillField("lead-field-amount", "12");
        await page.ClickTestId("lead-save");
        await page.WaitForURLAsync(new Regex("/leads/[0-9a-f-]{36}$"));
        await Expect(page.ByTestId("lead-applications")).ToContainTextAsync("转为客户后即可进件");
        await page.ClickTestId("lead-convert");
        await page.ClickTestId("confirm-yes");
        await page.WaitForURLAsync(new Regex("/customers/[0-9a-f-]{36}$"));
        var customerUrl = page.Url;

        Step("新建进件 from the customer page: an amount outside the product's range is refused inline");
        await page.ClickTestId("lead-application-new");
        await page.WaitForURLAsync(new Regex("/applications/new\\?lead="));
        await page.WaitInteractiveAsync();
        await page.ChooseAsync(page.ByTestId("application-product"), "好期贷");
        await page.FillField("application-amount", "25");
        await page.FillField("application-term", "12");
        await page.FillField("application-purpose", "店铺装修");
        await page.ClickTestId("application-create");
        await Expect(page.GetByText("金额须在 1–20 万元之间")).ToBeVisibleAsync();
        await page.FillField("application-amount", "12");

        Step("a co-borrower: half filled in is refused, complete is kept with the mobile masked");
        await page.Locator("[data-testid='application-related-panel'] .mud-expand-panel-header").ClickAsync();
        await page.ChooseAsync(page.ByTestId("application-related-role"), "共同借款人");
        await page.ClickTestId("application-create");
        await Expect(page.Locator("[data-testid='application-related-panel'] .mud-input-error").First).ToBeVisibleAsync();
        await page.FillField("application-related-name", "王芳");
        await page.ChooseAsync(page.ByTestId("application-related-relation"), "配偶");
        await page.FillField("application-related-mobile", "13812345678");
        await NoSnackbarAsync(page);
        await Screenshots.Shoot(page, "application-new");
        await page.ClickTestId("application-create");
        await page.WaitForURLAsync(new Regex("/applications/[0-9a-f-]{36}$"));
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("application-related")).ToContainTextAsync("王芳（配偶）138****5678");
        await Expect(page.ByTestId("application-status").First).ToHaveTextAsync("草稿");
        await Expect(page.ByTestId("application-number")).ToHaveTextAsync(new Regex("^JJ\\d{12}$"));

        Step("upload: a renamed executable is refused with its reason, real scans and a PDF are taken");
        var folder = Directory.CreateTempSubdirectory("h4-docs").FullName;
        var fake = Path.Combine(folder, "身份证.png");
        await File.WriteAllBytesAsync(fake, [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00]);
        var id = Item(page, "身份证正反面");
        await id.ByTestId("document-file").SetInputFilesAsync(fake);
        await Expect(id.ByTestId("document-refused")).ToContainTextAsync("文件内容不是 JPG、PNG、WebP 图片或 PDF");
        foreach (var (item, index) in Checklist.Select((item, i) => (item, i)))
        {
            var file = Path.Combine(folder, index == 1 ? "征信报告.pdf" : $"{item}.png");
            await File.WriteAllBytesAsync(file, index == 1 ? SampleDocuments.Pdf("Credit report") : SampleDocuments.Png(seed: index));
            await Item(page, item).ByTestId("document-file").SetInputFilesAsync(file);
            await Expect(Item(page, item).ByTestId("document")).ToHaveCountAsync(1);
        }
        await Expect(page.ByTestId("application-missing")).ToHaveCountAsync(0);
        await Expect(Item(page, "征信报告").ByTestId("document-status")).ToHaveTextAsync("待审核");

        Step("preview an uploaded scan");
        await Item(page, "收入证明").ByTestId("document-preview-open-button").ClickAsync();
        await Expect(page.ByTestId("document-preview-image")).ToBeVisibleAsync();
        await page.ClickTestId("document-preview-close");
        await Screenshots.Shoot(page, "application-draft");

        Step("submit: in approval, on the list and on the customer's page");
        await page.ClickTestId("application-submit");
        await Expect(page.ByTestId("application-page")).ToHaveAttributeAsync("data-status", "InApproval");
        await Expect(page.ByTestId("application-status").First).ToHaveTextAsync("审批中");
        await Expect(page.Locator("[data-testid='application-timeline-entry'][data-kind='submitted']")).ToBeVisibleAsync();
        await Expect(page.ByTestId("document-upload")).ToHaveCountAsync(0);
        var number = await page.ByTestId("application-number").InnerTextAsync();
        await NoSnackbarAsync(page);
        await Screenshots.Shoot(page, "application-submitted");

        await page.ClickTestId("nav-applications");
        await page.WaitForURLAsync(new Regex("/applications$"));
        var row = page.Locator("[data-testid='application-row']", new() { HasText = number });
        await Expect(row.ByTestId("application-status")).ToHaveTextAsync("审批中");
        await Screenshots.Shoot(page, "applications-list");

        await page.GotoAsync(customerUrl);
        var panel = page.ByTestId("lead-applications");
        await Expect(panel.Locator("[data-testid='lead-application']", new() { HasText = number })).ToContainTextAsync("审批中");
        await Screenshots.Shoot(page, "customer-applications");
    });

    private static readonly string[] Checklist = ["身份证正反面", "征信报告", "收入证明", "银行流水", "社保缴纳证明"];

    private static ILocator Item(IPage page, string item) => page.Locator($"[data-testid='document-item'][data-item='{item}']");

    private static Task NoSnackbarAsync(IPage page) => Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
}
