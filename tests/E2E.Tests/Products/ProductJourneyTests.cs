using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Products;

/// <summary>
/// 产品管理 → 产品匹配 → 准入规则: the owner adds two products, one open to everyone at a very low rate, one whose
/// eligibility (built in the visual builder) asks for a city no customer lives in; on a customer's page 产品匹配 ranks
/// the first with its monthly payment and folds the second away with the reason; the admission rules and their 试算.
/// Both products are taken off the shelf at the end, so other journeys see the demo catalog as seeded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProductJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_owner_builds_products_and_a_customers_page_matches_them_with_reasons() => Journey(async () =>
    {
        var marker = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var city = "测试" + marker + "市";
        var owner = await NewPageAsync();
        await owner.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await owner.ClickTestId("nav-products");
        await owner.WaitForURLAsync(new Regex("/settings/products$"));
        await owner.WaitInteractiveAsync();
        await Expect(owner.Locator("[data-testid='product-row'][data-code='ZHAOLIAN-CREDIT']")).ToContainTextAsync("年龄 介于 22 ~ 55");
        await Screenshots.Shoot(owner, "products-catalog");

        Step("an open product at a very low rate");
        var open = "E2E-OPEN-" + marker;
        await AddProductAsync(owner, open, "测试普惠贷" + marker, async _ => await Task.CompletedTask);

        Step("a product for one city only, its eligibility built in the builder");
        var local = "E2E-CITY-" + marker;
        await AddProductAsync(owner, local, "测试本地贷" + marker, async dialog =>
        {
            await dialog.ByTestId("condition-add").First.ClickAsync();
            await owner.ChooseAsync(dialog.ByTestId("condition-field").First, "城市");
            await owner.ChooseAsync(dialog.ByTestId("condition-operator").First, "包含");
            var value = await Ui.InputAsync(dialog.ByTestId("condition-value").First);
            await value.FillAsync(city);
            await value.BlurAsync();
            await Screenshots.Shoot(owner, "product-dialog");
        });
        await Expect(owner.Locator($"[data-testid='product-row'][data-code='{local}'] [data-testid='product-eligibility']")).ToContainTextAsync($"城市 包含 {city}");

        Step("a customer's page matches: the open product first with its estimate, the city product folded with its reason");
        // A seeded customer with an amount and a term (customers made by other journeys may have neither).
        var match = owner.ByTestId("product-match");
        for (var row = 0; ; row++)
        {
            await owner.GotoAsync(App.AgencyUrl(DemoSlug) + "/customers");
            await owner.WaitInteractiveAsync();
            await owner.ByTestId("lead-row").Nth(row).ClickAsync();
            await owner.WaitForURLAsync(new Regex("/customers/[0-9a-f-]{36}$"));
            await owner.WaitInteractiveAsync();
            await Expect(match.ByTestId("product-match-wish")).ToBeVisibleAsync();
            if (Regex.IsMatch(await match.ByTestId("product-match-wish").InnerTextAsync(), "万元.*个月") || row == 9) break;
        }
        var first = match.ByTestId("product-match-eligible").First;
        await Expect(first).ToHaveAttributeAsync("data-code", open);
        await Expect(first.ByTestId("product-match-estimate")).ToContainTextAsync("月供约 ¥");
        await Expect(first.ByTestId("product-match-apply")).ToHaveAttributeAsync("href", new Regex("/applications/new\\?lead=[0-9a-f-]{36}&product=[0-9a-f-]{36}$"));
        await match.ByTestId("product-match-ineligible-panel").ClickAsync();
        var refused = match.Locator($"[data-testid='product-match-ineligible'][data-code='{local}']");
        await Expect(refused.ByTestId("product-match-reason")).ToContainTextAsync($"城市 包含 {city}（客户：");
        await match.ScrollIntoViewIfNeededAsync();
        await Screenshots.Shoot(owner, "product-matching");

        Step("the admission rules, and a 试算 for this customer");
        var customer = (await owner.ByTestId("lead-name").InnerTextAsync()).Trim();
        await owner.ClickTestId("nav-admission");
        await owner.WaitForURLAsync(new Regex("/settings/admission$"));
        await owner.WaitInteractiveAsync();
        await Expect(owner.Locator("[data-testid='admission-rule'][data-name='黑名单客户不得进件'] [data-testid='admission-condition']")).ToContainTextAsync("在黑名单 等于 是");
        await Screenshots.Shoot(owner, "admission-rules");
        await owner.ClickTestId("admission-trial");
        var trial = owner.ByTestId("admission-trial-dialog");
        var lead = await Ui.InputAsync(trial.ByTestId("admission-trial-lead"));
        await lead.FillAsync(customer);
        await owner.Locator(".mud-popover-open .mud-list-item", new() { HasText = customer }).First.ClickAsync();
        await owner.ChooseAsync(trial.ByTestId("admission-trial-product"), "测试普惠贷" + marker);
        await owner.FillField("admission-trial-missing", "2");
        await owner.ClickTestId("admission-trial-run");
        await Expect(trial.Locator("[data-testid='admission-trial-failure'][data-name='缺少必备材料']")).ToBeVisibleAsync();
        await Screenshots.Shoot(owner, "admission-trial");
        await owner.ClickTestId("admission-trial-close");

        Step("both products go off the shelf again");
        await owner.GotoAsync(App.AgencyUrl(DemoSlug) + "/settings/products");
        await owner.WaitInteractiveAsync();
        foreach (var code in new[] { open, local })
        {
            await owner.Locator($"[data-testid='product-row'][data-code='{code}'] [data-testid='product-deactivate']").ClickAsync();
            await owner.Locator(".mud-dialog .mud-button", new() { HasText = "停用" }).Last.ClickAsync();
            await Expect(owner.Locator($"[data-testid='product-row'][data-code='{code}'] [data-testid='product-inactive']")).ToBeVisibleAsync();
        }
    });

    private static async Task AddProductAsync(IPage owner, string code, string name, Func<ILocator, Task> eligibility)
    {
        await owner.ClickTestId("product-new");
        var dialog = owner.ByTestId("product-dialog");
        await owner.FillField("product-code", code);
        await owner.FillField("product-name", name);
        await owner.FillField("product-lender", "测试银行");
        await owner.ChooseAsync(dialog.ByTestId("product-loan-type"), "信用贷");
        await owner.FillField("product-MinAmountWan", "0.01");
        await owner.FillField("product-MaxAmountWan", "100000");
        await owner.FillField("product-MinTermMonths", "1");
        await owner.FillField("product-MaxTermMonths", "600");
        await owner.FillField("product-MinAnnualRate", "0.5");
        await owner.FillField("product-MaxAnnualRate", "1");
        await dialog.Locator("[data-testid='product-document-suggestion'][data-name='银行流水']").ClickAsync();
        await Expect(dialog.Locator("[data-testid='product-document'][data-name='银行流水']")).ToBeVisibleAsync();
        await eligibility(dialog);
        await owner.ClickTestId("product-save");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(owner.Locator($"[data-testid='product-row'][data-code='{code}']")).ToContainTextAsync(name);
    }
}
