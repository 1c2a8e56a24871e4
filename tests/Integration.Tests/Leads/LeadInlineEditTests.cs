using System.Text.Json;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>Intent and tags edited in a list row: versioned, audited, refused when stale or out of scope.</summary>
public abstract class LeadInlineEditTests(AppHost app)
{
    private Task<LeadListWorld> WorldAsync() => app.SharedAsync("lead-inline-world", () => LeadListWorld.CreateAsync(app, "inline"));

    private async Task<LeadListRow> RowAsync(LeadListWorld w, string key)
    {
        await using var scope = await app.OwnerScopeAsync(w.Agency);
        var page = await scope.Get<ListLeads>().HandleAsync(new LeadListQuery { View = LeadView.Leads, Search = w.Prefix + key }, CancellationToken.None);
        return Assert.Single(page.Rows);
    }

    [Fact]
    public async Task An_edit_saves_intent_and_tags_bumps_the_version_and_audits_each_field()
    {
        var w = await WorldAsync();
        var row = await RowAsync(w, "甲");
        await using var sales = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);

        var saved = await sales.Get<UpdateLeadInline>().HandleAsync(new LeadInlineEdit(row.Id, row.Version, IntentLevel.C, ["有房", "已面谈"]), CancellationToken.None);

        Assert.True(saved.Succeeded, string.Join(",", saved.Errors));
        var after = await RowAsync(w, "甲");
        Assert.Equal((IntentLevel.C, row.Version + 1), (after.Intent!.Value, after.Version));
        Assert.Equal(["已面谈", "有房"], after.Tags);
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var entry = await db.AuditEntries.Where(a => a.EntityId == row.Id.ToString() && a.Action == "lead.updated").OrderBy(a => a.Id).LastAsync();
        Assert.Equal(w.SalesA.UserId, entry.ActorId);
        var changes = JsonDocument.Parse(entry.Details!).RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("Field").GetString(), c.GetProperty("Old").GetString(), c.GetProperty("New").GetString())).ToList();
        Assert.Contains(("Intent", "A", "C"), changes);
        Assert.Contains(changes, c => c.Item1 == "Tags" && c.Item3!.Contains("已面谈", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_overwrites_nothing()
    {
        var w = await WorldAsync();
        var row = await RowAsync(w, "丙");
        await using var manager = await app.MemberScopeAsync(w.Agency.Info, w.Manager.UserId);
        var first = await manager.Get<UpdateLeadInline>().HandleAsync(new LeadInlineEdit(row.Id, row.Version, IntentLevel.A, row.Tags), CancellationToken.None);
        Assert.True(first.Succeeded);

        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var stale = await owner.Get<UpdateLeadInline>().HandleAsync(new LeadInlineEdit(row.Id, row.Version, IntentLevel.D, ["过期"]), CancellationToken.None);

        Assert.Equal(("Lead", "ChangedByOthers"), (Assert.Single(stale.Errors).Field, stale.Errors[0].Code));
        var after = await RowAsync(w, "丙");
        Assert.Equal(IntentLevel.A, after.Intent);
        Assert.DoesNotContain("过期", after.Tags);
    }

    [Fact]
    public async Task Two_simultaneous_edits_of_the_same_version_let_exactly_one_through()
    {
        var w = await WorldAsync();
        var row = await RowAsync(w, "乙");
        async Task<bool> EditAsync(string userId, IntentLevel intent)
        {
            await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
            return (await scope.Get<UpdateLeadInline>().HandleAsync(new LeadInlineEdit(row.Id, row.Version, intent, row.Tags), CancellationToken.None)).Succeeded;
        }

        var results = await Task.WhenAll(EditAsync(w.SalesB.UserId, IntentLevel.A), EditAsync(w.Agency.OwnerUserId, IntentLevel.D));

        Assert.Single(results, r => r);
        Assert.Equal(row.Version + 1, (await RowAsync(w, "乙")).Version);
    }

    [Fact]
    public async Task A_member_cannot_edit_a_lead_outside_their_scope_nor_with_bad_tags()
    {
        var w = await WorldAsync();
        var row = await RowAsync(w, "乙");
        await using var salesA = await app.MemberScopeAsync(w.Agency.Info, w.SalesA.UserId);
        var refused = await salesA.Get<UpdateLeadInline>().HandleAsync(new LeadInlineEdit(row.Id, row.Version, IntentLevel.D, []), CancellationToken.None);
        Assert.Equal("NotFound", Assert.Single(refused.Errors).Code);

        await using var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);
        var tooMany = await salesB.Get<UpdateLeadInline>().HandleAsync(
            new LeadInlineEdit(row.Id, row.Version, row.Intent, Enumerable.Range(1, 11).Select(i => "标签" + i).ToList()), CancellationToken.None);
        Assert.Equal(("Tags", "TooMany"), (tooMany.Errors[0].Field, tooMany.Errors[0].Code));
        var tooLong = await salesB.Get<UpdateLeadInline>().HandleAsync(new LeadInlineEdit(row.Id, row.Version, row.Intent, [new string('长', 21)]), CancellationToken.None);
        Assert.Equal(("Tags", "TooLong"), (tooLong.Errors[0].Field, tooLong.Errors[0].Code));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLeadInlineEditTests(SqliteAppHost app) : LeadInlineEditTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadInlineEditTests(PostgresAppHost app) : LeadInlineEditTests(app);
