using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Leads;

namespace LoanSaaS.Domain.Tests.Funnels;

public class CardMoveRulesTests
{
    private static readonly Guid Board = Guid.NewGuid();

    private static FunnelStage Stage(string key, int? wip = null, Guid? board = null, bool archived = false, params StageRequirement[] requires) => new()
    {
        BoardId = board ?? Board, Key = key, Name = key, Color = "#000000", WipLimit = wip, IsArchived = archived, Requirements = [.. requires],
    };

    private static Lead Lead(long version = 3) => new() { Number = "L1", Name = "张三", Version = version };

    [Fact]
    public void A_move_to_another_open_stage_of_the_same_board_is_allowed()
    {
        Assert.True(CardMoveRules.Check(Lead(), 3, Stage("new"), Stage("screening"), 0).IsAllowed);
        Assert.True(CardMoveRules.Check(Lead(), 3, from: null, Stage("new"), 0).IsAllowed);
    }

    [Fact]
    public void A_card_changed_since_the_mover_saw_it_is_refused_before_anything_else()
    {
        var from = Stage("new");
        Assert.Equal(MoveRefusal.ChangedByOthers, CardMoveRules.Check(Lead(version: 4), 3, from, from, 0).Refusal);
    }

    [Fact]
    public void The_same_stage_and_an_archived_stage_are_refused_another_boards_stage_is_not()
    {
        var from = Stage("new");
        Assert.Equal(MoveRefusal.SameStage, CardMoveRules.Check(Lead(), 3, from, from, 0).Refusal);
        Assert.Equal(MoveRefusal.StageUnavailable, CardMoveRules.Check(Lead(), 3, from, Stage("old", archived: true), 0).Refusal);
        Assert.True(CardMoveRules.Check(Lead(), 3, from, Stage("other", board: Guid.NewGuid()), 0).IsAllowed);
    }

    [Fact]
    public void Entry_requirements_name_every_missing_field()
    {
        var to = Stage("qualification", requires: [StageRequirement.IdNumber, StageRequirement.Amount, StageRequirement.City]);
        var lead = Lead();
        lead.City = "上海";

        var check = CardMoveRules.Check(lead, 3, Stage("new"), to, 0);

        Assert.Equal(MoveRefusal.MissingFields, check.Refusal);
        Assert.Equal([StageRequirement.IdNumber, StageRequirement.Amount], check.Missing);
    }

    [Fact]
    public void Filled_requirements_let_the_card_in()
    {
        var to = Stage("matching", requires: [.. Enum.GetValues<StageRequirement>()]);
        var lead = Lead();
        lead.IdNumber = new SealedValue([1], "i", "3101**********1234");
        lead.City = "上海";
        lead.LoanType = "mortgage";
        lead.AmountWan = 50;
        lead.TermMonths = 36;
        lead.Purpose = "经营周转";
        lead.CreditStatus = CreditStatus.Good;
        lead.Intent = IntentLevel.A;
        lead.NextFollowUpAt = DateTimeOffset.UnixEpoch;

        Assert.True(CardMoveRules.Check(lead, 3, Stage("new"), to, 0).IsAllowed);
        lead.AmountWan = 0;
        Assert.Equal([StageRequirement.Amount], CardMoveRules.Missing(to, lead));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(6, false)]
    public void A_full_stage_refuses_more_cards(int cardsInTarget, bool allowed)
    {
        var check = CardMoveRules.Check(Lead(), 3, Stage("new"), Stage("visit", wip: 5), cardsInTarget);
        Assert.Equal(allowed ? MoveRefusal.None : MoveRefusal.WipLimitReached, check.Refusal);
    }
}
