using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Infrastructure;

/// <summary>Small page helpers that hide MudBlazor's markup details (test ids on wrappers, menus with activators).</summary>
public static partial class Ui
{
    public static ILocator ByTestId(this IPage page, string testId) => page.Locator($"[data-testid='{testId}']");

    public static ILocator ByTestId(this ILocator scope, string testId) => scope.Locator($"[data-testid='{testId}']");

    /// <summary>The circuit is live: clicks are handled from here on. Static pages (sign-in, status) never get this marker.</summary>
    public static Task WaitInteractiveAsync(this IPage page) =>
        page.Locator("#interactive-marker[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });

    /// <summary>Fills the input carrying the test id, or the input inside the element carrying it (MudTextField puts it on a wrapper).</summary>
    public static async Task FillField(this IPage page, string testId, string value)
    {
        var input = await InputAsync(page.ByTestId(testId));
        await input.FillAsync(value);
        // MudTextField binds on change: leave the field so the circuit gets the value.
        await input.BlurAsync();
    }

    public static async Task<string> ReadField(this IPage page, string testId) =>
        await (await InputAsync(page.ByTestId(testId))).InputValueAsync();

    public static async Task<ILocator> InputAsync(ILocator element)
    {
        await element.First.WaitForAsync();
        var tag = await element.First.EvaluateAsync<string>("e => e.tagName");
        return tag is "INPUT" or "TEXTAREA" or "SELECT" ? element.First : element.First.Locator("input, textarea").First;
    }

    /// <summary>Opens a MudSelect and picks the (first) option with this text; waits for the list to close.</summary>
    public static async Task ChooseAsync(this IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Clicks an element by test id; for wrappers (MudMenu, chips) the button inside when there is one.</summary>
    public static async Task ClickTestId(this IPage page, string testId)
    {
        var element = page.ByTestId(testId).First;
        await element.WaitForAsync();
        var tag = await element.EvaluateAsync<string>("e => e.tagName");
        if (tag is "BUTTON" or "A" or "INPUT" or "LABEL")
        {
            await element.ClickAsync();
            return;
        }
        var inner = element.Locator("button");
        if (await inner.CountAsync() == 1) await inner.ClickAsync();
        else await element.ClickAsync();
    }

    public static async Task LoginAsync(this IPage page, string agencyUrl, string login, string password)
    {
        await page.GotoAsync(agencyUrl + "/login");
        await page.FillField("login-name", login);
        await page.FillField("login-password", password);
        await page.ClickTestId("login-submit");
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        await page.WaitInteractiveAsync();
    }

    public static async Task ExpectChineseAsync(ILocator locator, string containing)
    {
        await Expect(locator).ToBeVisibleAsync();
        await Expect(locator).ToContainTextAsync(containing);
        Assert.Matches(Chinese(), await locator.InnerTextAsync());
    }

    /// <summary>CSS colour of an element's background as the browser computed it.</summary>
    public static Task<string> BackgroundAsync(this IPage page, string selector) =>
        page.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    public static partial Regex Chinese();
}
