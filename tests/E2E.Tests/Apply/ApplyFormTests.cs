using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Apply;

/// <summary>The public application form of the demo agency, as a visitor on a phone and inside another site's iframe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplyFormTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_visitor_on_a_phone_sees_the_estimate_follow_the_amount_fixes_a_bad_mobile_and_is_thanked() => Journey(async () =>
    {
        var page = await NewPageAsync(390, 844);
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/apply");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("apply-agency")).ToBeVisibleAsync();
        await Expect(page.ByTestId("apply-monthly-empty")).ToBeVisibleAsync();

        Step("the estimate follows the amount (12 months at the indicative 10.8%)");
        await page.FillField("apply-name", "周晓梅");
        await page.FillField("apply-amount", "10");
        await Expect(page.ByTestId("apply-monthly")).ToHaveAttributeAsync("data-value", "8828.84");
        await page.FillField("apply-amount", "20");
        await Expect(page.ByTestId("apply-monthly")).ToHaveAttributeAsync("data-value", "17657.68");
        await page.FillField("apply-city", "上海");

        Step("a wrong mobile is marked at once and blocks the submit");
        await page.FillField("apply-mobile", "1381234");
        await Expect(page.GetByText("请输入正确的11位手机号")).ToBeVisibleAsync();
        await page.Locator("[data-testid='apply-consent'] .mud-checkbox").First.ClickAsync();
        await page.ByTestId("apply-consent-toggle").ClickAsync();
        await Expect(page.ByTestId("apply-consent-text")).ToContainTextAsync("个人信息保护法");
        await Screenshots.Shoot(page, "apply-form");
        await page.ClickTestId("apply-submit");
        await Expect(page.ByTestId("apply-fix")).ToBeVisibleAsync();
        await Expect(page.ByTestId("apply-thanks")).ToHaveCountAsync(0);

        Step("fixed, submitted, thanked");
        await page.FillField("apply-mobile", "139" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByText("请输入正确的11位手机号")).ToHaveCountAsync(0);
        await page.ClickTestId("apply-submit");
        await Expect(page.ByTestId("apply-thanks")).ToContainTextAsync("提交成功");
        await Screenshots.Shoot(page, "apply-thanks");
    });

    [Fact]
    public Task The_form_works_inside_an_iframe_of_the_agency_website() => Journey(async () =>
    {
        var formUrl = App.AgencyUrl(DemoSlug) + "/apply";
        // The agency's own site: another origin on this machine (a public origin would trip Chromium's local-network checks, not ours).
        using var site = AgencySite.Start($"<!DOCTYPE html><html><body><h1>Our agency</h1><iframe id=\"apply\" src=\"{formUrl}\" style=\"width:420px;height:900px;border:0\"></iframe></body></html>");
        var page = await NewPageAsync(1280, 1000);
        var failed = new List<string>();
        page.RequestFailed += (_, r) => failed.Add($"{r.Url}: {r.Failure}");

        await page.GotoAsync(site.Url);

        var frame = page.FrameLocator("#apply");
        await Expect(frame.Locator("[data-testid='apply-page']")).ToBeVisibleAsync();
        await frame.Locator("#interactive-marker[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });
        var amount = frame.Locator("input[data-testid='apply-amount'], [data-testid='apply-amount'] input").First;
        await amount.FillAsync("10");
        await amount.BlurAsync();
        await Expect(frame.Locator("[data-testid='apply-monthly']")).ToHaveAttributeAsync("data-value", "8828.84");
        Assert.Empty(failed);
    });

    /// <summary>A one-page website on 127.0.0.1 (a different origin from the agency host).</summary>
    private sealed class AgencySite : IDisposable
    {
        private readonly System.Net.HttpListener _listener = new();

        private AgencySite(string html, int port)
        {
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        var body = System.Text.Encoding.UTF8.GetBytes(html);
                        context.Response.ContentType = "text/html; charset=utf-8";
                        await context.Response.OutputStream.WriteAsync(body);
                        context.Response.Close();
                    }
                    catch (System.Net.HttpListenerException)
                    {
                        return;
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                }
            });
        }

        public string Url { get; }

        public static AgencySite Start(string html)
        {
            var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new AgencySite(html, port);
        }

        public void Dispose() => _listener.Close();
    }
}
