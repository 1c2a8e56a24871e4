using LoanSaaS.Domain.Funnels;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Funnels;

/// <summary>An admin edits the board's stages: validated, versioned, audited; archiving moves the cards, none is lost.</summary>
public abstract class ManageFunnelTests(AppHost app)
{
    private static readonly StageRequirement[] NoRequirements = [];

    private async Task<(LeadListWorld World, MemberScope Owner, FunnelSettings Settings)> SetUpAsync(string name)
    {
        var w = await LeadListWorld.CreateAsync(app, "funnel" + name);
        var owner = await app.OwnerScopeAsync(w.Agency);
        return (w, owner, (await owner.Get<ManageFunnel>().HandleAsync(null, CancellationToken.None))!);
    }

    private static async Task<FunnelSettings> ReloadAsync(MemberScope owner) => (await owner.Get<ManageFunnel>().HandleAsync(null, CancellationToken.None))!;

    private static StageEdit Edit(StageRow s) => new(s.Id, s.Name, s.Color, s.Category, s.WipLimit, s.Requirements);

    [Fact]
    public async Task An_admin_adds_edits_and_reorders_stages_and_the_board_follows()
    {
        var (w, owner, settings) = await SetUpAsync("edit");
        await using var _ = owner;
        var funnel = owner.Get<ManageFunnel>();

        var added = await funnel.SaveStageAsync(settings.BoardId, settings.Version, new StageEdit(null, " 征信查询 ", "#8e24aa", StageCategory.Open, 50, [StageRequirement.IdNumber]), CancellationToken.None);
        Assert.True(added.Succeeded, string.Join(",", added.Errors));
        settings = await ReloadAsync(owner);
        var stage = settings.Stages.Single(s => s.Name == "征信查询");
        Assert.Equal(("#8E24AA", 50), (stage.Color, stage.WipLimit!.Value));
        Assert.Equal([StageRequirement.IdNumber], stage.Requirements);
        Assert.Equal(added.Value, settings.Version);

        var renamed = await funnel.SaveStageAsync(settings.BoardId, settings.Version, Edit(stage) with { Name = "征信核查", WipLimit = null }, CancellationToken.None);
        Assert.True(renamed.Succeeded);
        settings = await ReloadAsync(owner);
        var order = settings.Stages.Select(s => s.Id).ToList();
        var moved = order[^1];
        order.RemoveAt(order.Count - 1);
        order.Insert(1, moved);
        Assert.True((await funnel.ReorderAsync(settings.BoardId, settings.Version, order, CancellationToken.None)).Succeeded);

        var board = await owner.Get<GetBoard>().HandleAsync(null, new BoardFilter { Search = w.Prefix }, CancellationToken.None);
        Assert.Equal("征信核查", board!.Stages[1].Name);
        Assert.Null(board.Stages[1].WipLimit);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.EntityType == "board" && a.EntityId == settings.BoardId.ToString()));
    }

    [Fact]
    public async Task Bad_input_and_a_stale_version_are_refused_with_reasons()
    {
        var (_, owner, settings) = await SetUpAsync("bad");
        await using var _ = owner;
        var funnel = owner.Get<ManageFunnel>();
        var first = settings.Stages[0];
        async Task<string> RefusedAsync(StageEdit edit, long? version = null)
        {
            var result = await funnel.SaveStageAsync(settings.BoardId, version ?? settings.Version, edit, CancellationToken.None);
            return $"{result.Errors[0].Field}.{result.Errors[0].Code}";
        }

        Assert.Equal("Name.Required", await RefusedAsync(Edit(first) with { Name = "  " }));
        Assert.Equal("Name.TooLong", await RefusedAsync(Edit(first) with { Name = new string('长', 31) }));
        Assert.Equal("Name.Taken", await RefusedAsync(Edit(first) with { Name = settings.Stages[1].Name }));
        Assert.Equal("Color.Invalid", await RefusedAsync(Edit(first) with { Color = "red" }));
        Assert.Equal("WipLimit.OutOfRange", await RefusedAsync(Edit(first) with { WipLimit = 0 }));
        Assert.Equal("Board.ChangedByOthers", await RefusedAsync(Edit(first) with { Name = "新名字" }, settings.Version - 1));
        Assert.Equal("Stages.Mismatch", $"{(await funnel.ReorderAsync(settings.BoardId, settings.Version, [first.Id], CancellationToken.None)).Errors[0].Field}.Mismatch");
        Assert.Equal(settings.Version, (await ReloadAsync(owner)).Version);
    }

    [Fact]
    public async Task Archiving_a_stage_with_cards_moves_them_where_the_admin_says_and_the_last_open_stage_stays()
    {
        var (w, owner, settings) = await SetUpAsync("archive");
        await using var _ = owner;
        var funnel = owner.Get<ManageFunnel>();
        var entry = settings.Stages[0];
        var screening = settings.Stages[1];
        Assert.Equal(4, entry.Cards);

        var noTarget = await funnel.ArchiveAsync(settings.BoardId, settings.Version, entry.Id, null, CancellationToken.None);
        Assert.Equal(("MoveTo", "Required"), (noTarget.Errors[0].Field, noTarget.Errors[0].Code));
        var archived = await funnel.ArchiveAsync(settings.BoardId, settings.Version, entry.Id, screening.Id, CancellationToken.None);
        Assert.True(archived.Succeeded, string.Join(",", archived.Errors));

        settings = await ReloadAsync(owner);
        Assert.True(settings.Stages.Single(s => s.Id == entry.Id).IsArchived);
        Assert.Equal(4, settings.Stages.Single(s => s.Id == screening.Id).Cards);
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
            Assert.All(await db.Leads.Where(l => w.Leads.Values.Contains(l.Id) && l.Status == Domain.Leads.LeadStatus.Active).ToListAsync(), l => Assert.Equal(screening.Id, l.StageId));
        var board = await owner.Get<GetBoard>().HandleAsync(null, new BoardFilter(), CancellationToken.None);
        Assert.DoesNotContain(board!.Stages, s => s.Id == entry.Id);

        // Every other open stage archived too: the last one is refused.
        foreach (var open in settings.Stages.Where(s => !s.IsArchived && s.Category == StageCategory.Open && s.Id != screening.Id))
        {
            settings = await ReloadAsync(owner);
            var target = open.Cards > 0 ? screening.Id : (Guid?)null;
            Assert.True((await funnel.ArchiveAsync(settings.BoardId, settings.Version, open.Id, target, CancellationToken.None)).Succeeded);
        }
        settings = await ReloadAsync(owner);
        var last = await funnel.ArchiveAsync(settings.BoardId, settings.Version, screening.Id, settings.Stages.First(s => !s.IsArchived && s.Id != screening.Id).Id, CancellationToken.None);
        Assert.Equal(("Stage", "LastOpenStage"), (last.Errors[0].Field, last.Errors[0].Code));
        Assert.True((await funnel.RestoreAsync(settings.BoardId, settings.Version, entry.Id, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task A_second_board_can_be_named_made_default_and_receive_cards_from_the_first()
    {
        var (w, owner, settings) = await SetUpAsync("boards");
        await using var _ = owner;
        var funnel = owner.Get<ManageFunnel>();
        Assert.Equal(("BoardName", "Required"), Error(await funnel.CreateBoardAsync("  ", CancellationToken.None)));
        Assert.Equal(("BoardName", "Taken"), Error(await funnel.CreateBoardAsync(settings.BoardName, CancellationToken.None)));

        var created = await funnel.CreateBoardAsync("车贷流程", CancellationToken.None);
        Assert.True(created.Succeeded);
        var second = (await funnel.HandleAsync(created.Value, CancellationToken.None))!;
        Assert.Equal(["待跟进", "已成交", "已流失"], second.Stages.Select(s => s.Name));
        Assert.True((await funnel.RenameBoardAsync(second.BoardId, second.Version, "车贷流程（新）", CancellationToken.None)).Succeeded);

        // A card moves to the other board's first stage; the first board no longer shows it.
        var entry = second.Stages[0].Id;
        long version;
        await using (var db = app.OpenAgencyDb(w.Agency.Info))
            version = await db.Leads.Where(l => l.Id == w["甲"]).Select(l => l.Version).SingleAsync();
        Assert.True((await owner.Get<MoveCard>().HandleAsync(new MoveCardRequest(w["甲"], entry, version), CancellationToken.None)).Succeeded);
        var first = await owner.Get<GetBoard>().HandleAsync(settings.BoardId, new BoardFilter { Search = w.Prefix }, CancellationToken.None);
        Assert.DoesNotContain(first!.Cards.Values.SelectMany(c => c), c => c.Id == w["甲"]);
        var other = await owner.Get<GetBoard>().HandleAsync(second.BoardId, new BoardFilter { Search = w.Prefix }, CancellationToken.None);
        Assert.Equal([w["甲"]], other!.Cards[entry].Select(c => c.Id));
        Assert.Equal("车贷流程（新）", other.Name);

        // Made default: new leads start on its first stage.
        second = (await funnel.HandleAsync(second.BoardId, CancellationToken.None))!;
        Assert.True((await funnel.MakeDefaultAsync(second.BoardId, second.Version, CancellationToken.None)).Succeeded);
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var added = await sales.Get<AddLead>().HandleAsync(new AddLeadRequest(new LeadInput { Name = w.Prefix + "庚", Mobile = TestIds.Mobile() }), CancellationToken.None);
        Assert.NotNull(added.LeadId);
        await using var check = app.OpenAgencyDb(w.Agency.Info);
        Assert.Equal(entry, (await check.Leads.SingleAsync(l => l.Name == w.Prefix + "庚")).StageId);
        Assert.Equal(1, await check.FunnelBoards.CountAsync(b => b.IsDefault));
    }

    private static (string, string) Error(Result result) => (result.Errors[0].Field, result.Errors[0].Code);

    [Fact]
    public async Task A_salesperson_cannot_edit_stages_and_another_agency_cannot_reach_this_board()
    {
        var (w, owner, settings) = await SetUpAsync("access");
        await using var _ = owner;
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => sales.Get<ManageFunnel>().SaveStageAsync(settings.BoardId, settings.Version,
            new StageEdit(null, "偷偷加的", "#1E88E5", StageCategory.Open, null, NoRequirements), CancellationToken.None));

        var b = await app.SharedAsync("funnel-agency-b", () => app.ProvisionAgencyAsync(TestIds.Slug("funnelb")));
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.Null(await ownerB.Get<ManageFunnel>().HandleAsync(settings.BoardId, CancellationToken.None));
        var edit = await ownerB.Get<ManageFunnel>().SaveStageAsync(settings.BoardId, settings.Version, Edit(settings.Stages[0]) with { Name = "乙机构改的" }, CancellationToken.None);
        Assert.Equal(("Board", "NotFound"), (edit.Errors[0].Field, edit.Errors[0].Code));
        var archive = await ownerB.Get<ManageFunnel>().ArchiveAsync(settings.BoardId, settings.Version, settings.Stages[0].Id, null, CancellationToken.None);
        Assert.Equal("NotFound", archive.Errors[0].Code);
        Assert.Equal(settings.Stages[0].Name, (await ReloadAsync(owner)).Stages[0].Name);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteManageFunnelTests(SqliteAppHost app) : ManageFunnelTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresManageFunnelTests(PostgresAppHost app) : ManageFunnelTests(app);
