using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Funnels;

/// <summary>谈单协作: the owner comments on a card from the board and mentions the manager, whose bell lights up at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CardCollaborationTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_mention_in_a_card_comment_reaches_the_colleague_live_and_the_comment_is_in_the_leads_activity() => Journey(async () =>
    {
        var manager = await NewPageAsync();
        await manager.LoginAsync(App.AgencyUrl(DemoSlug), DemoManagerMobile, DemoPassword);
        await manager.GotoAsync(App.AgencyUrl(DemoSlug) + "/boards");
        await manager.WaitInteractiveAsync();
        var card = manager.ByTestId("board-column").Nth(1).ByTestId("board-card").First;
        await Expect(card).ToBeVisibleAsync();
        var lead = (await card.GetAttributeAsync("data-lead"))!;

        Step("the owner opens the card's panel on the board and comments, mentioning 王强");
        var owner = await NewPageAsync();
        await owner.LoginAsync(App.AgencyUrl(DemoSlug), DemoOwnerMobile, DemoPassword);
        await owner.GotoAsync(App.AgencyUrl(DemoSlug) + "/boards");
        await owner.WaitInteractiveAsync();
        await owner.Locator($"[data-testid='board-card'][data-lead='{lead}'] [data-testid='board-card-name']").ClickAsync();
        var drawer = owner.ByTestId("card-drawer");
        await Expect(drawer).ToBeVisibleAsync();
        var text = "周五下午面谈，王经理一起 " + Guid.NewGuid().ToString("N")[..4];
        await owner.FillField("comment-text", text);
        await owner.ClickTestId("comment-mentions");
        await owner.Locator(".mud-popover-open [data-testid='comment-mention-option']", new() { HasText = "王强" }).ClickAsync();
        await owner.Keyboard.PressAsync("Escape");
        await owner.ClickTestId("comment-send");
        await Expect(drawer.Locator("[data-testid='timeline-entry'][data-kind='comment']").First).ToContainTextAsync(text);
        await Expect(drawer.Locator("[data-testid='timeline-entry'][data-kind='comment']").First).ToContainTextAsync("@王强");
        await Screenshots.Shoot(owner, "board-card-drawer");

        Step("the manager's bell counts it without a reload and leads to the lead, whose activity shows the comment");
        await Expect(manager.ByTestId("notification-badge")).ToContainTextAsync(new Regex(@"\d"));
        await manager.ClickTestId("notification-button");
        await manager.Locator(".mud-popover-open [data-testid='notification-item']", new() { HasText = "提到了你" }).First.ClickAsync();
        await manager.WaitForURLAsync(new Regex($"/leads/{lead}$"));
        await Expect(manager.Locator("[data-testid='timeline-entry'][data-kind='comment']").First).ToContainTextAsync(text);
    });
}
