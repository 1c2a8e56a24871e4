using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Pools;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Pools;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Integration.Tests.Leads;
using Microsoft.EntityFrameworkCore;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Integration.Tests.Pools;

/// <summary>
/// 客群池: pools are seeded, saved with validated conditions by members who manage leads, counted live inside each
/// viewer's scope, and narrow lists and exports; another agency can neither see nor use them.
/// </summary>
public abstract class PoolTests(AppHost app)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private Task<LeadListWorld> WorldAsync() => app.SharedAsync("pool-world", () => LeadListWorld.CreateAsync(app, "pool"));

    private static SavePoolRequest Intent(string name, string level = "A") => new(null, 0, name, "测试", ConditionGroup.AllOf(Comparison.Of("Intent", EqualTo, level)));

    [Fact]
    public async Task A_new_agency_has_the_default_pools_and_each_member_counts_only_their_scope()
    {
        var w = await WorldAsync();
        await using (var owner = await app.OwnerScopeAsync(w.Agency))
        {
            var seeded = await owner.Get<ListPools>().HandleAsync(Ct);
            Assert.Equal(DefaultPools.All.Select(p => p.Name), seeded.Pools.Take(DefaultPools.All.Count).Select(p => p.Name));
            Assert.True(seeded.CanManage);
            var saved = await owner.Get<SavePool>().HandleAsync(Intent("A 级" + w.Prefix), Ct);
            Assert.True(saved.Succeeded, string.Join(",", saved.Errors));
        }
        async Task<int> CountAsync(string userId)
        {
            await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
            return (await scope.Get<ListPools>().HandleAsync(Ct)).Pools.Single(p => p.Name == "A 级" + w.Prefix).Count;
        }
        // Intent A: 甲 (sales A) and 戊 (sales A, customer).
        Assert.Equal(2, await CountAsync(w.SalesA.UserId));
        Assert.Equal(2, await CountAsync(w.Manager.UserId));
        Assert.Equal(0, await CountAsync(w.SalesB.UserId));
        await using var salesB = await app.MemberScopeAsync(w.Agency.Info, w.SalesB.UserId);
        Assert.False((await salesB.Get<ListPools>().HandleAsync(Ct)).CanManage);
        await Assert.ThrowsAsync<AccessDeniedException>(() => salesB.Get<SavePool>().HandleAsync(Intent("越权"), Ct));
    }

    [Fact]
    public async Task A_pool_narrows_each_list_view_and_an_archived_pool_selects_nothing()
    {
        var w = await WorldAsync();
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var pool = (await owner.Get<SavePool>().HandleAsync(Intent("列表" + w.Prefix), Ct)).Value;
        async Task<string[]> NamesAsync(LeadView view) =>
            (await owner.Get<ListLeads>().HandleAsync(new LeadListQuery { View = view, PoolId = pool, Search = w.Prefix }, Ct)).Rows.Select(r => r.Name[w.Prefix.Length..]).ToArray();

        Assert.Equal(["甲"], await NamesAsync(LeadView.Leads));
        Assert.Equal(["戊"], await NamesAsync(LeadView.Customers));
        Assert.Empty(await NamesAsync(LeadView.Blacklist));

        var version = (await owner.Get<ListPools>().HandleAsync(Ct)).Pools.Single(p => p.Id == pool).Version;
        Assert.True((await owner.Get<ArchivePool>().HandleAsync(pool, version, Ct)).Succeeded);
        Assert.Empty(await NamesAsync(LeadView.Leads));
        Assert.DoesNotContain((await owner.Get<ListPools>().HandleAsync(Ct)).Pools, p => p.Id == pool);
    }

    [Fact]
    public async Task A_pool_narrows_the_board_and_an_unknown_pool_shows_no_card()
    {
        var w = await WorldAsync();
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var pool = (await owner.Get<SavePool>().HandleAsync(Intent("看板" + w.Prefix), Ct)).Value;
        async Task<string[]> CardsAsync(Guid poolId) =>
            (await owner.Get<GetBoard>().HandleAsync(null, new BoardFilter { PoolId = poolId, Search = w.Prefix }, Ct))!.Cards.Values.SelectMany(c => c)
                .Select(c => c.Name[w.Prefix.Length..]).Order(StringComparer.Ordinal).ToArray();

        // Cards are active leads and customers: 甲 and 戊 have intent A.
        Assert.Equal(["戊", "甲"], await CardsAsync(pool));
        Assert.Empty(await CardsAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Bad_names_invalid_conditions_and_stale_versions_are_refused_with_where_and_why()
    {
        var w = await WorldAsync();
        await using var owner = await app.OwnerScopeAsync(w.Agency);
        var save = owner.Get<SavePool>();
        async Task<string> RefusedAsync(SavePoolRequest request) => string.Join(",", (await save.HandleAsync(request, Ct)).Errors.Select(e => $"{e.Field}.{e.Code}"));

        Assert.Equal("Name.Required", await RefusedAsync(Intent(" ")));
        Assert.Equal("Name.TooLong", await RefusedAsync(Intent(new string('池', 31))));
        Assert.Equal("Condition.Required", await RefusedAsync(Intent("空") with { Condition = null }));
        Assert.Equal("Condition.0.ValueInvalid,Condition.1.0.UnknownField", await RefusedAsync(Intent("坏") with
        {
            Condition = ConditionGroup.AllOf(Comparison.Of("AmountWan", GreaterThan, "很多"), ConditionGroup.AnyOf(Comparison.Of("Salary", EqualTo, "1"))),
        }));
        var first = await save.HandleAsync(Intent("重名" + w.Prefix), Ct);
        Assert.Equal("Name.Taken", await RefusedAsync(Intent("重名" + w.Prefix, "B")));
        Assert.True((await save.HandleAsync(Intent("重名" + w.Prefix, "B") with { PoolId = first.Value, Version = 1 }, Ct)).Succeeded);
        Assert.Equal(".ChangedByOthers", await RefusedAsync(Intent("重名" + w.Prefix, "C") with { PoolId = first.Value, Version = 1 }));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        Assert.False(await db.CustomerPools.AnyAsync(p => p.Name == "坏" || p.Name == "空"));
    }

    [Fact]
    public async Task Another_agency_can_neither_see_nor_use_nor_change_a_pool()
    {
        var w = await WorldAsync();
        Guid pool;
        await using (var owner = await app.OwnerScopeAsync(w.Agency))
            pool = (await owner.Get<SavePool>().HandleAsync(Intent("私有" + w.Prefix), Ct)).Value;

        var b = await app.SharedAsync("pool-agency-b", () => app.ProvisionAgencyAsync(TestIds.Slug("poolb")));
        await using var ownerB = await app.OwnerScopeAsync(b);
        Assert.DoesNotContain((await ownerB.Get<ListPools>().HandleAsync(Ct)).Pools, p => p.Id == pool);
        Assert.Empty((await ownerB.Get<ListLeads>().HandleAsync(new LeadListQuery { PoolId = pool }, Ct)).Rows);
        Assert.Equal("Pool.NotFound", Code(await ownerB.Get<SavePool>().HandleAsync(Intent("劫持") with { PoolId = pool, Version = 1 }, Ct)));
        Assert.Equal("Pool.NotFound", Code(await ownerB.Get<ArchivePool>().HandleAsync(pool, 1, Ct)));
        await using var db = app.OpenAgencyDb(w.Agency.Info);
        var kept = await db.CustomerPools.SingleAsync(p => p.Id == pool);
        Assert.Equal(("私有" + w.Prefix, false), (kept.Name, kept.IsArchived));
    }

    private static string Code<T>(Result<T> result) => result.Errors.Count == 0 ? "ok" : $"{result.Errors[0].Field}.{result.Errors[0].Code}";
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePoolTests(SqliteAppHost app) : PoolTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPoolTests(PostgresAppHost app) : PoolTests(app);
