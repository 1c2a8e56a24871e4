using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Integration.Tests.Harness;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>The duplicates view: groups by blind index or by name + city, within the viewer's scope, never across merged leads.</summary>
public abstract class FindDuplicateLeadsTests(AppHost app)
{
    private Task<Agency> AgencyAsync() => app.SharedAsync("find-duplicates", () => app.ProvisionAgencyAsync(TestIds.Slug("dups")));

    private async Task<IReadOnlyList<DuplicateGroup>> AllGroupsAsync(Agency agency, string userId)
    {
        await using var scope = await app.MemberScopeAsync(agency.Info, userId);
        var page = await scope.Get<FindDuplicateLeads>().HandleAsync(new FindDuplicatesRequest(0, FindDuplicatesRequest.MaxPageSize), CancellationToken.None);
        Assert.True(page.TotalGroups <= FindDuplicatesRequest.MaxPageSize, "the test agency should fit one page");
        return page.Groups;
    }

    private static DuplicateGroup? GroupOf(IReadOnlyList<DuplicateGroup> groups, LeadDuplicateReason reason, Guid lead) =>
        groups.SingleOrDefault(g => g.Reason == reason && g.Leads.Any(l => l.Id == lead));

    [Fact]
    public async Task Same_mobile_same_id_number_and_same_name_in_one_city_are_grouped_with_masked_data()
    {
        var agency = await AgencyAsync();
        var city = DuplicateLeadFixtures.City();
        var a = await DuplicateLeadFixtures.CaptureAsync(app, agency, new LeadInput { Name = "赵一", Mobile = TestIds.Mobile(), City = city, IdNumber = "11010519491231002X" }, agency.OwnerUserId);
        var sameMobile = await DuplicateLeadFixtures.CaptureAsync(app, agency, new LeadInput { Name = "赵一一", Mobile = TestIds.Mobile() }, agency.OwnerUserId);
        await DuplicateLeadFixtures.CopySealedAsync(app, agency, sameMobile.Id, a.Id, mobile: true);
        var sameId = await DuplicateLeadFixtures.CaptureAsync(app, agency, new LeadInput { Name = "赵二", Mobile = TestIds.Mobile() }, agency.OwnerUserId);
        await DuplicateLeadFixtures.CopySealedAsync(app, agency, sameId.Id, a.Id, mobile: false);
        var sameName = await DuplicateLeadFixtures.CaptureAsync(app, agency, new LeadInput { Name = "赵一", Mobile = TestIds.Mobile(), City = city }, null);
        var alone = await DuplicateLeadFixtures.CaptureAsync(app, agency, new LeadInput { Name = "钱孤", Mobile = TestIds.Mobile(), City = city }, agency.OwnerUserId);

        var groups = await AllGroupsAsync(agency, agency.OwnerUserId);

        var byMobile = GroupOf(groups, LeadDuplicateReason.SameMobile, a.Id);
        Assert.NotNull(byMobile);
        Assert.Equal([a.Number, sameMobile.Number], byMobile.Leads.Select(l => l.Number).Order());
        Assert.All(byMobile.Leads, l => Assert.Equal(a.Mobile.Masked, l.MobileMasked));
        Assert.Equal(agency.OwnerName, byMobile.Leads[0].OwnerName);
        var byId = GroupOf(groups, LeadDuplicateReason.SameIdNumber, a.Id);
        Assert.NotNull(byId);
        Assert.Equal([a.Number, sameId.Number], byId.Leads.Select(l => l.Number).Order());
        Assert.All(byId.Leads, l => Assert.Equal(a.IdNumber.Masked, l.IdNumberMasked));
        Assert.DoesNotContain("19491231", a.IdNumber.Masked);
        var byName = GroupOf(groups, LeadDuplicateReason.SameNameAndCity, a.Id);
        Assert.NotNull(byName);
        Assert.Equal([a.Number, sameName.Number], byName.Leads.Select(l => l.Number).Order());
        Assert.Contains(byName.Leads, l => l.Status == LeadStatus.PublicPool && l.OwnerName is null);
        Assert.DoesNotContain(groups, g => g.Leads.Any(l => l.Id == alone.Id));
    }

    [Fact]
    public async Task Merged_leads_are_not_listed_and_sales_see_only_their_own_leads()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Manager);
        var city = DuplicateLeadFixtures.City();
        var a = await DuplicateLeadFixtures.CaptureAsync(app, agency, new LeadInput { Name = "孙三", Mobile = TestIds.Mobile(), City = city }, agency.OwnerUserId);
        var b = await DuplicateLeadFixtures.CaptureAsync(app, agency, new LeadInput { Name = "孙三", Mobile = TestIds.Mobile(), City = city }, agency.OwnerUserId);
        Assert.NotNull(GroupOf(await AllGroupsAsync(agency, agency.OwnerUserId), LeadDuplicateReason.SameNameAndCity, a.Id));
        // The manager has no team, so sees only leads they own: none of these.
        Assert.Null(GroupOf(await AllGroupsAsync(agency, sales.UserId), LeadDuplicateReason.SameNameAndCity, a.Id));

        await using (var owner = await app.OwnerScopeAsync(agency))
            Assert.True((await owner.Get<MergeLeads>().HandleAsync(new MergeLeadsRequest(a.Id, a.Version, b.Id, b.Version), CancellationToken.None)).Succeeded);

        Assert.Null(GroupOf(await AllGroupsAsync(agency, agency.OwnerUserId), LeadDuplicateReason.SameNameAndCity, a.Id));
    }

    [Fact]
    public async Task Members_without_ManageLeads_are_refused()
    {
        var agency = await AgencyAsync();
        var sales = await app.AddAsync(agency, AgencyRole.Sales);
        await using var scope = await app.MemberScopeAsync(agency.Info, sales.UserId);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.Get<FindDuplicateLeads>().HandleAsync(new FindDuplicatesRequest(0, 20), CancellationToken.None));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteFindDuplicateLeadsTests(SqliteAppHost app) : FindDuplicateLeadsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresFindDuplicateLeadsTests(PostgresAppHost app) : FindDuplicateLeadsTests(app);
