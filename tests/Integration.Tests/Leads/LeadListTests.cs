using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>The four lists: data scope (own / team / all, pool for everyone), filters, search, sorting, on each provider.</summary>
public abstract class LeadListTests(AppHost app)
{
    private Task<LeadListWorld> WorldAsync() => app.SharedAsync("lead-list-world", () => LeadListWorld.CreateAsync(app, "list"));

    private async Task<List<string>> NamesAsync(LeadListWorld w, string userId, LeadListQuery query)
    {
        await using var scope = await app.MemberScopeAsync(w.Agency.Info, userId);
        var page = await scope.Get<ListLeads>().HandleAsync(query with { Search = query.Search ?? w.Prefix }, CancellationToken.None);
        return page.Rows.Select(r => r.Name[w.Prefix.Length..]).ToList();
    }

    [Fact]
    public async Task Each_member_sees_the_leads_of_their_scope_and_everyone_sees_the_pool()
    {
        var w = await WorldAsync();
        var leads = new LeadListQuery { Sort = LeadSort.Name, Descending = false };

        Assert.Equal(["甲"], await NamesAsync(w, w.SalesA.UserId, leads));
        Assert.Equal(["乙"], await NamesAsync(w, w.SalesB.UserId, leads));
        Assert.Equal(["丙", "甲"], (await NamesAsync(w, w.Manager.UserId, leads)).Order(StringComparer.Ordinal));
        Assert.Equal(["丙", "乙", "甲"], (await NamesAsync(w, w.Agency.OwnerUserId, leads)).Order(StringComparer.Ordinal));

        var pool = leads with { View = LeadView.Pool };
        foreach (var member in new[] { w.SalesA.UserId, w.SalesB.UserId, w.Manager.UserId, w.Agency.OwnerUserId })
            Assert.Equal(["丁"], await NamesAsync(w, member, pool));
    }

    [Fact]
    public async Task Customers_and_blacklist_are_their_own_views_with_reason_and_who()
    {
        var w = await WorldAsync();
        Assert.Equal(["戊"], await NamesAsync(w, w.SalesA.UserId, new LeadListQuery { View = LeadView.Customers }));
        Assert.Empty(await NamesAsync(w, w.SalesB.UserId, new LeadListQuery { View = LeadView.Customers }));

        await using var scope = await app.OwnerScopeAsync(w.Agency);
        var page = await scope.Get<ListLeads>().HandleAsync(new LeadListQuery { View = LeadView.Blacklist, Search = w.Prefix }, CancellationToken.None);
        var row = Assert.Single(page.Rows);
        Assert.Equal((w.Prefix + "己", "伪造流水", w.Manager.FullName), (row.Name, row.BlacklistReason, row.BlacklistedBy));
        Assert.NotNull(row.BlacklistedAt);
    }

    [Fact]
    public async Task Filters_combine_and_rows_carry_masked_mobile_owner_tags_and_version()
    {
        var w = await WorldAsync();
        var owner = w.Agency.OwnerUserId;
        Assert.Equal(["甲"], await NamesAsync(w, owner, new LeadListQuery { Intent = IntentLevel.A }));
        Assert.Equal(["甲"], await NamesAsync(w, owner, new LeadListQuery { Tags = ["有房", "优质"] }));
        Assert.Empty(await NamesAsync(w, owner, new LeadListQuery { Tags = ["有房", "有车"] }));
        Assert.Equal(["乙"], await NamesAsync(w, owner, new LeadListQuery { Source = "street" }));
        Assert.Equal(["乙"], await NamesAsync(w, owner, new LeadListQuery { OwnerId = w.SalesB.UserId }));
        var today = Shanghai.DateOf(DateTimeOffset.UtcNow);
        Assert.Equal(3, (await NamesAsync(w, owner, new LeadListQuery { CreatedFrom = today.AddDays(-1), CreatedTo = today.AddDays(1) })).Count);
        Assert.Empty(await NamesAsync(w, owner, new LeadListQuery { CreatedTo = today.AddDays(-2) }));

        await using var scope = await app.OwnerScopeAsync(w.Agency);
        var page = await scope.Get<ListLeads>().HandleAsync(new LeadListQuery { Search = w.Prefix + "甲" }, CancellationToken.None);
        var row = Assert.Single(page.Rows);
        var mobile = w.Mobiles["甲"];
        Assert.Equal(mobile[..3] + "****" + mobile[7..], row.MobileMasked);
        Assert.Equal(["优质", "有房"], row.Tags);
        Assert.Equal(w.SalesA.FullName, row.OwnerName);
        Assert.Equal(("抵押贷", "第三方平台", 80m), (row.LoanType, row.Source, row.AmountWan));
        Assert.Equal((1, false), (page.Total, page.TotalIsCapped));
    }

    [Fact]
    public async Task Search_finds_an_exact_mobile_in_any_notation_and_a_lead_number_but_only_in_scope()
    {
        var w = await WorldAsync();
        var mobile = w.Mobiles["乙"];
        var spaced = $"+86 {mobile[..3]} {mobile[3..7]} {mobile[7..]}";
        Assert.Equal(["乙"], await NamesAsync(w, w.Agency.OwnerUserId, new LeadListQuery { Search = spaced }));
        Assert.Equal(["乙"], await NamesAsync(w, w.SalesB.UserId, new LeadListQuery { Search = mobile }));
        Assert.Empty(await NamesAsync(w, w.SalesA.UserId, new LeadListQuery { Search = mobile }));
        Assert.Empty(await NamesAsync(w, w.Agency.OwnerUserId, new LeadListQuery { Search = mobile[..7] }));

        await using var scope = await app.OwnerScopeAsync(w.Agency);
        var number = (await scope.Get<ListLeads>().HandleAsync(new LeadListQuery { Search = w.Prefix + "丙" }, CancellationToken.None)).Rows[0].Number;
        Assert.Equal(["丙"], await NamesAsync(w, w.Agency.OwnerUserId, new LeadListQuery { Search = number }));
    }

    [Theory]
    [InlineData(LeadSort.Amount, false, new[] { "乙", "甲", "丙" })]
    [InlineData(LeadSort.Amount, true, new[] { "丙", "甲", "乙" })]
    [InlineData(LeadSort.Intent, false, new[] { "甲", "乙", "丙" })]
    [InlineData(LeadSort.Created, false, new[] { "甲", "乙", "丙" })]
    [InlineData(LeadSort.Created, true, new[] { "丙", "乙", "甲" })]
    public async Task Sorting_works_on_every_provider(LeadSort sort, bool descending, string[] expected)
    {
        var w = await WorldAsync();
        Assert.Equal(expected, await NamesAsync(w, w.Agency.OwnerUserId, new LeadListQuery { Sort = sort, Descending = descending }));
        Assert.Equal(3, (await NamesAsync(w, w.Agency.OwnerUserId, new LeadListQuery { Sort = LeadSort.NextFollowUp, Descending = descending })).Count);
    }

    [Fact]
    public async Task Paging_returns_the_requested_slice_and_the_total()
    {
        var w = await WorldAsync();
        await using var scope = await app.OwnerScopeAsync(w.Agency);
        var query = new LeadListQuery { Search = w.Prefix, Sort = LeadSort.Created, Descending = false, PageSize = 2 };
        var first = await scope.Get<ListLeads>().HandleAsync(query, CancellationToken.None);
        var second = await scope.Get<ListLeads>().HandleAsync(query with { Page = 1 }, CancellationToken.None);
        Assert.Equal((3, 2, 1), (first.Total, first.Rows.Count, second.Rows.Count));
        Assert.Equal(w.Prefix + "丙", second.Rows[0].Name);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteLeadListTests(SqliteAppHost app) : LeadListTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadListTests(PostgresAppHost app) : LeadListTests(app);
