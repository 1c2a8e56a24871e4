using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Web.Funnels;
using LoanSaaS.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Tests.Funnels;

/// <summary>The lists board.js draws cards from: localized, formatted in Shanghai time, nothing personal beyond the masked mobile.</summary>
public sealed class BoardColumnCardsTests : WebTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);

    private BoardColumnCards Cards => new(Services.GetRequiredService<IStringLocalizer<BoardText>>());

    private static BoardCard Card(DateTimeOffset? next = null, decimal? amount = 80, string? owner = "孙丽") => new(
        Guid.NewGuid(), Guid.NewGuid(), "L202612060001", "田文", "136****9025", amount, "u1", null, owner, IntentLevel.A,
        Now.AddDays(-3).AddHours(-1), next, IsCustomer: true, Version: 4);

    [Fact]
    public void A_card_is_sent_with_its_texts_in_Chinese_and_times_in_Shanghai()
    {
        var card = Card(next: Now.AddHours(-2));

        var row = Assert.Single(Cards.Column([card], Now));

        Assert.Equal<object?>([card.Id, 4L, "田文", "136****9025", "80 万", "A", "孙丽", "停留 3 天", "已逾期 12-06 08:00", true, "客户", null, null], row);
    }

    [Fact]
    public void A_customer_with_an_open_application_carries_its_status_and_amount()
    {
        var card = Card() with { Application = new BoardCardApplication(Domain.Applications.ApplicationStatus.InApproval, 30.5m) };

        var row = Assert.Single(Cards.Column([card], Now));

        Assert.Equal(("进件 审批中 · 30.5万", "InApproval"), (row[11], row[12]));
    }

    [Fact]
    public void Missing_values_are_sent_as_nothing_and_a_future_follow_up_is_not_overdue()
    {
        var row = Assert.Single(Cards.Column([Card(next: Now.AddDays(1), amount: null, owner: null)], Now));

        Assert.Null(row[4]);
        Assert.Null(row[6]);
        Assert.Equal("下次 12-07 10:00", row[8]);
        Assert.Equal(false, row[9]);
    }

    [Fact]
    public void A_column_is_sent_again_only_when_its_cards_changed()
    {
        var card = Card();
        var before = BoardColumnCards.Signature(Cards.Column([card], Now));

        Assert.Equal(before, BoardColumnCards.Signature(Cards.Column([card], Now)));
        Assert.NotEqual(before, BoardColumnCards.Signature(Cards.Column([card with { Version = 5 }], Now)));
        Assert.NotEqual(before, BoardColumnCards.Signature(Cards.Column([], Now)));
    }
}
