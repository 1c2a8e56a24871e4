using System.Text.RegularExpressions;
using LoanSaaS.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace LoanSaaS.E2E.Tests.Funnels;

/// <summary>
/// The owner and the manager of the demo agency look at the same board in two browsers: a card one drags moves on the
/// other's screen without a reload; both move one card at once and exactly one wins; a salesperson moves by menu on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BoardJourneyTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_card_dragged_by_one_user_moves_on_the_other_users_board_and_a_simultaneous_move_has_one_winner() => Journey(async () =>
    {
        var owner = await BoardPageAsync(DemoOwnerMobile);
        var manager = await BoardPageAsync(DemoManagerMobile);
        var stages = await StagesAsync(owner);
        Step("each sees the other among the board's viewers");
        await Expect(manager.ByTestId("board-presence")).ToContainTextAsync("张");
        await Expect(owner.ByTestId("board-presence")).ToContainTextAsync("王");

        Step("the owner drags a card of the manager's team from 电话初筛 to 意向判断");
        var card = Column(manager, stages["电话初筛"]).ByTestId("board-card").First;
        await Expect(card).ToBeVisibleAsync();
        var lead = await card.GetAttributeAsync("data-lead");
        var intentCount = await CountAsync(manager, stages["意向判断"]);
        await Screenshots.Shoot(owner, "board");
        await Card(owner, stages["电话初筛"], lead!).DragToAsync(Column(owner, stages["意向判断"]).Locator(".board-zone"));
        await Expect(Card(owner, stages["意向判断"], lead!)).ToBeVisibleAsync();

        Step("the manager sees it move and the column count change, without reloading");
        await Expect(Card(manager, stages["意向判断"], lead!)).ToBeVisibleAsync();
        await Expect(Card(manager, stages["电话初筛"], lead!)).ToHaveCountAsync(0);
        await Expect(Column(manager, stages["意向判断"]).ByTestId("board-column-count")).ToHaveTextAsync($"{intentCount + 1} 个");

        Step("both move the same card at the same moment: one wins, the other is told and sees where it really is");
        await OpenMenuAsync(owner, lead!);
        await OpenMenuAsync(manager, lead!);
        var ownerItem = owner.Locator($".mud-dialog [data-testid='board-move-to'][data-stage='{stages["邀约面访"]}']");
        var managerItem = manager.Locator($".mud-dialog [data-testid='board-move-to'][data-stage='{stages["无效"]}']");
        await Expect(ownerItem).ToBeVisibleAsync();
        await Expect(managerItem).ToBeVisibleAsync();
        await Task.WhenAll(ownerItem.DispatchEventAsync("click"), managerItem.DispatchEventAsync("click"));
        var conflict = "这张卡片刚被同事移动或修改";
        var ownerLost = await WhichShowsAsync(owner, manager, conflict);
        var winner = ownerLost ? stages["无效"] : stages["邀约面访"];
        await Expect(Card(owner, winner, lead!)).ToBeVisibleAsync();
        await Expect(Card(manager, winner, lead!)).ToBeVisibleAsync();
        await Expect(owner.ByTestId("board-card").And(owner.Locator($"[data-lead='{lead}']"))).ToHaveCountAsync(1);
        await Expect(manager.ByTestId("board-card").And(manager.Locator($"[data-lead='{lead}']"))).ToHaveCountAsync(1);
        Step($"winner: {(ownerLost ? "manager" : "owner")}; the manager closes the tab and leaves the owner's viewers");
        await manager.CloseAsync();
        await Expect(owner.ByTestId("board-presence")).Not.ToContainTextAsync("王");
    });

    [Fact]
    public Task A_salesperson_on_a_phone_moves_a_card_with_its_menu_and_a_refused_move_says_what_is_missing() => Journey(async () =>
    {
        var page = await NewPageAsync(390, 844);
        await page.LoginAsync(App.AgencyUrl(DemoSlug), DemoSalesMobile, DemoPassword);
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/boards");
        await page.WaitInteractiveAsync();
        var stages = await StagesAsync(page);
        await Expect(Column(page, stages["线索录入"]).ByTestId("board-card").First).ToBeVisibleAsync();
        await Screenshots.Shoot(page, "board-phone");

        Step("资质审核 needs an ID number: the move is refused and says so, the card stays");
        var withoutId = await LeadWithoutIdAsync(page, stages["线索录入"]);
        Assert.NotNull(withoutId);
        await OpenMenuAsync(page, withoutId);
        await page.Locator($".mud-dialog [data-testid='board-move-to'][data-stage='{stages["资质审核"]}']").ClickAsync();
        await Expect(page.GetByText("进入「资质审核」前需要填写：身份证号")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "去填写" })).ToBeVisibleAsync();
        await Expect(Card(page, stages["线索录入"], withoutId)).ToBeVisibleAsync();

        Step("move to 电话初筛 with the menu");
        var lead = withoutId;
        await OpenMenuAsync(page, lead);
        await page.Locator($".mud-dialog [data-testid='board-move-to'][data-stage='{stages["电话初筛"]}']").ClickAsync();
        await Expect(Card(page, stages["电话初筛"], lead)).ToBeVisibleAsync();
        await Expect(Card(page, stages["线索录入"], lead)).ToHaveCountAsync(0);
    });

    private async Task<IPage> BoardPageAsync(string mobile)
    {
        var page = await NewPageAsync();
        await page.LoginAsync(App.AgencyUrl(DemoSlug), mobile, DemoPassword);
        await page.GotoAsync(App.AgencyUrl(DemoSlug) + "/boards");
        await page.WaitInteractiveAsync();
        await Expect(page.ByTestId("board-column").First).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Stage name → id, read from the columns.</summary>
    private static async Task<Dictionary<string, string>> StagesAsync(IPage page)
    {
        var stages = new Dictionary<string, string>();
        foreach (var column in await page.ByTestId("board-column").AllAsync())
            stages[await column.ByTestId("board-column-name").InnerTextAsync()] = (await column.GetAttributeAsync("data-stage"))!;
        return stages;
    }

    /// <summary>Waits until one of the two pages shows the text; true for the first page.</summary>
    private static async Task<bool> WhichShowsAsync(IPage first, IPage second, string text)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await first.GetByText(text).IsVisibleAsync()) return true;
            if (await second.GetByText(text).IsVisibleAsync()) return false;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Neither page showed \"{text}\".");
    }

    private static ILocator Column(IPage page, string stage) => page.Locator($"[data-testid='board-column'][data-stage='{stage}']");

    private static ILocator Card(IPage page, string stage, string lead) => Column(page, stage).Locator($"[data-testid='board-card'][data-lead='{lead}']");

    private static async Task<int> CountAsync(IPage page, string stage) =>
        int.Parse(CountDigits().Match(await Column(page, stage).ByTestId("board-column-count").InnerTextAsync()).Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task OpenMenuAsync(IPage page, string lead)
    {
        await page.Locator($"[data-testid='board-card'][data-lead='{lead}'] [data-testid='board-card-menu']").ClickAsync();
        await Expect(page.Locator(".mud-dialog [data-testid='board-move-to']").First).ToBeVisibleAsync();
    }

    /// <summary>A card in the column whose lead has no ID number (the demo gives half its leads one), by its page.</summary>
    private static async Task<string?> LeadWithoutIdAsync(IPage page, string stage)
    {
        foreach (var card in (await Column(page, stage).ByTestId("board-card").AllAsync()).Take(8))
        {
            var lead = (await card.GetAttributeAsync("data-lead"))!;
            var detail = await page.Context.NewPageAsync();
            await detail.GotoAsync(page.Url.Split("/boards")[0] + "/leads/" + lead);
            await detail.WaitInteractiveAsync();
            var id = await detail.ByTestId("lead-idnumber-value").CountAsync() > 0 ? await detail.ByTestId("lead-idnumber-value").InnerTextAsync() : "";
            await detail.CloseAsync();
            if (!Regex.IsMatch(id, @"\d{4}")) return lead;
        }
        return null;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex CountDigits();
}
