using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Integration.Tests.Leads;

/// <summary>Merging two records of one person keeps both histories; stale views, other teams and other agencies are refused.</summary>
public abstract class MergeLeadsTests(AppHost app)
{
    private Task<Agency> AgencyAsync() => app.SharedAsync("merge-leads", () => app.ProvisionAgencyAsync(TestIds.Slug("merge")));

    private static async Task<Result> MergeAsync(MemberScope scope, Lead survivor, Lead merged) =>
        await scope.Get<MergeLeads>().HandleAsync(new MergeLeadsRequest(survivor.Id, survivor.Version, merged.Id, merged.Version), CancellationToken.None);

    private async Task<(Lead A, Lead B)> PairAsync(Agency agency, string? ownerA = null, string? ownerB = null)
    {
        var city = DuplicateLeadFixtures.City();
        var a = await DuplicateLeadFixtures.CaptureAsync(app, agency, new LeadInput { Name = "周五", Mobile = TestIds.Mobile(), City = city, Tags = "优质" }, ownerA ?? agency.OwnerUserId);
        var b = await DuplicateLeadFixtures.CaptureAsync(app, agency, new LeadInput { Name = "周五", Mobile = TestIds.Mobile(), City = city }, ownerB ?? agency.OwnerUserId);
        return (a, b);
    }

    [Fact]
    public async Task Merge_fills_empty_fields_unites_tags_moves_follow_ups_and_keeps_both_histories()
    {
        var agency = await AgencyAsync();
        var city = DuplicateLeadFixtures.City();
        var survivor = await DuplicateLeadFixtures.CaptureAsync(app, agency,
            new LeadInput { Name = "吴六", Mobile = TestIds.Mobile(), City = city, Amount = "30", Tags = "优质,有房" }, agency.OwnerUserId);
        var merged = await DuplicateLeadFixtures.CaptureAsync(app, agency,
            new LeadInput { Name = "吴六", Mobile = TestIds.Mobile(), City = city, Amount = "80", IdNumber = "11010519491231002X", LoanType = "车贷", Term = "24", Tags = "有房,有车" }, agency.OwnerUserId);
        var soon = DateTimeOffset.UtcNow.AddDays(1);
        await DuplicateLeadFixtures.AddFollowUpAsync(app, agency, survivor.Id, soon.AddDays(3));
        var moved = await DuplicateLeadFixtures.AddFollowUpAsync(app, agency, merged.Id, soon);
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            survivor = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == survivor.Id);
            merged = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == merged.Id);
        }

        await using (var owner = await app.OwnerScopeAsync(agency))
        {
            var preview = await owner.Get<MergeLeadsPreview>().HandleAsync(new MergePreviewRequest(survivor.Id, merged.Id), CancellationToken.None);
            Assert.True(preview.Succeeded);
            var amount = preview.Value!.Fields.Single(f => f.Field == nameof(Lead.AmountWan));
            Assert.Equal(("30", "80", "30", false), (amount.Survivor, amount.Merged, amount.Result, amount.Taken));
            var loanType = preview.Value.Fields.Single(f => f.Field == nameof(Lead.LoanType));
            Assert.Equal(("车贷", true), (loanType.Result, loanType.Taken));
            Assert.Equal(1, preview.Value.Merged.FollowUps);
            Assert.True((await MergeAsync(owner, survivor, merged)).Succeeded);
        }

        await using var check = app.OpenAgencyDb(agency.Info);
        var kept = await check.Leads.AsNoTracking().Include(l => l.Tags).SingleAsync(l => l.Id == survivor.Id);
        var gone = await check.Leads.AsNoTracking().SingleAsync(l => l.Id == merged.Id);
        Assert.Equal(30m, kept.AmountWan);
        Assert.Equal("car", kept.LoanType);
        Assert.Equal(24, kept.TermMonths);
        Assert.Equal(merged.IdNumber.Index, kept.IdNumber.Index);
        Assert.Equal(new DateOnly(1949, 12, 31), kept.BirthDate);
        Assert.Equal(["优质", "有房", "有车"], kept.Tags.Select(t => t.Tag).Order());
        Assert.Equal(soon.ToUnixTimeSeconds(), kept.NextFollowUpAt?.ToUnixTimeSeconds());
        Assert.Equal(survivor.Version + 1, kept.Version);
        Assert.Equal((LeadStatus.Merged, (Guid?)survivor.Id), (gone.Status, gone.MergedIntoId));
        Assert.Null(gone.NextFollowUpAt);
        Assert.Equal(survivor.Id, (await check.FollowUps.AsNoTracking().SingleAsync(f => f.Id == moved.Id)).LeadId);
        Assert.Equal(2, await check.FollowUps.CountAsync(f => f.LeadId == survivor.Id));

        var history = await check.AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == survivor.Id.ToString() || e.EntityId == merged.Id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["lead.created", "lead.merged"], history.Where(e => e.EntityId == survivor.Id.ToString()).Select(e => e.Action));
        Assert.Equal(["lead.created", "lead.merged"], history.Where(e => e.EntityId == merged.Id.ToString()).Select(e => e.Action));
        var survivorEntry = history.Last(e => e.EntityId == survivor.Id.ToString()).Details!;
        Assert.Contains(merged.Number, survivorEntry);
        Assert.Contains("IdNumber", survivorEntry);
        Assert.DoesNotContain("19491231", survivorEntry);
        Assert.Contains(survivor.Number, history.Last(e => e.EntityId == merged.Id.ToString()).Details!);
        Assert.True(await AuditLog.VerifyChainAsync(check, CancellationToken.None));
    }

    [Fact]
    public async Task A_lead_changed_since_it_was_read_is_not_merged()
    {
        var agency = await AgencyAsync();
        var (a, b) = await PairAsync(agency);
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            var changed = await db.Leads.SingleAsync(l => l.Id == b.Id);
            changed.Purpose = "装修";
            changed.Version++;
            await db.SaveChangesAsync();
        }

        await using var owner = await app.OwnerScopeAsync(agency);
        var result = await MergeAsync(owner, a, b);

        Assert.Equal("ChangedByOthers", Assert.Single(result.Errors).Code);
        await using var check = app.OpenAgencyDb(agency.Info);
        Assert.Equal(LeadStatus.Active, (await check.Leads.AsNoTracking().SingleAsync(l => l.Id == b.Id)).Status);
        Assert.Equal(0, await check.AuditEntries.CountAsync(e => e.Action == "lead.merged" && e.EntityId == a.Id.ToString()));
    }

    [Fact]
    public async Task Merges_that_would_hide_a_lead_are_refused()
    {
        var agency = await AgencyAsync();
        var (a, b) = await PairAsync(agency);
        var (c, d) = await PairAsync(agency);
        await using (var db = app.OpenAgencyDb(agency.Info))
        {
            var blocked = await db.Leads.SingleAsync(l => l.Id == d.Id);
            blocked.Status = LeadStatus.Blacklisted;
            await db.SaveChangesAsync();
        }
        await using var owner = await app.OwnerScopeAsync(agency);

        Assert.Equal("SameLead", Assert.Single((await MergeAsync(owner, a, a)).Errors).Code);
        Assert.Equal("BlacklistedMustSurvive", Assert.Single((await MergeAsync(owner, c, d)).Errors).Code);
        Assert.True((await MergeAsync(owner, a, b)).Succeeded);
        await using var db2 = app.OpenAgencyDb(agency.Info);
        var mergedB = await db2.Leads.AsNoTracking().SingleAsync(l => l.Id == b.Id);
        var keptA = await db2.Leads.AsNoTracking().SingleAsync(l => l.Id == a.Id);
        Assert.Equal("AlreadyMerged", Assert.Single((await MergeAsync(owner, c, mergedB)).Errors).Code);
        Assert.Equal("AlreadyMerged", Assert.Single((await MergeAsync(owner, mergedB, keptA)).Errors).Code);
        var blacklisted = await db2.Leads.AsNoTracking().SingleAsync(l => l.Id == d.Id);
        Assert.True((await MergeAsync(owner, blacklisted, c)).Succeeded);
    }

    [Fact]
    public async Task A_manager_merges_within_the_team_only()
    {
        var agency = await AgencyAsync();
        var team = new SalesTeam { Name = "组" + TestIds.Hex8(), CreatedAt = DateTimeOffset.UtcNow };
        await using (var setup = app.OpenAgencyDb(agency.Info))
        {
            setup.Teams.Add(team);
            await setup.SaveChangesAsync();
        }
        var teamId = team.Id;
        string manager, sales;
        await using (var owner = await app.OwnerScopeAsync(agency))
        {
            var add = owner.Get<AddMember>();
            manager = (await add.HandleAsync(new AddMemberRequest("经理" + TestIds.Hex8(), TestIds.Mobile(), TestIds.Email("m"), AgencyRole.Manager, teamId, TestIds.Password), CancellationToken.None)).Value!.UserId;
            sales = (await add.HandleAsync(new AddMemberRequest("销售" + TestIds.Hex8(), TestIds.Mobile(), TestIds.Email("s"), AgencyRole.Sales, teamId, TestIds.Password), CancellationToken.None)).Value!.UserId;
        }
        var (inTeamA, inTeamB) = await PairAsync(agency, sales, sales);
        var (outsideA, outsideB) = await PairAsync(agency, sales, agency.OwnerUserId);

        await using var scope = await app.MemberScopeAsync(agency.Info, manager);
        Assert.Equal("NotFound", Assert.Single((await MergeAsync(scope, outsideA, outsideB)).Errors).Code);
        Assert.False((await scope.Get<MergeLeadsPreview>().HandleAsync(new MergePreviewRequest(outsideA.Id, outsideB.Id), CancellationToken.None)).Succeeded);
        Assert.True((await MergeAsync(scope, inTeamA, inTeamB)).Succeeded);
        await using var db = app.OpenAgencyDb(agency.Info);
        Assert.Equal(LeadStatus.Active, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == outsideB.Id)).Status);
    }

    [Fact]
    public async Task Another_agency_cannot_see_or_merge_these_leads()
    {
        var agency = await AgencyAsync();
        var (a, b) = await PairAsync(agency);
        var other = await app.SharedAsync("merge-leads-other", () => app.ProvisionAgencyAsync(TestIds.Slug("merge-b")));
        var admin = await app.AddAsync(other, AgencyRole.Admin);

        await using var scope = await app.MemberScopeAsync(other.Info, admin.UserId);
        Assert.Equal("NotFound", Assert.Single((await MergeAsync(scope, a, b)).Errors).Code);
        Assert.False((await scope.Get<MergeLeadsPreview>().HandleAsync(new MergePreviewRequest(a.Id, b.Id), CancellationToken.None)).Succeeded);
        var groups = await scope.Get<FindDuplicateLeads>().HandleAsync(new FindDuplicatesRequest(0, FindDuplicatesRequest.MaxPageSize), CancellationToken.None);
        Assert.DoesNotContain(groups.Groups, g => g.Leads.Any(l => l.Id == a.Id || l.Id == b.Id));
        await using var db = app.OpenAgencyDb(agency.Info);
        Assert.Equal(LeadStatus.Active, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == b.Id)).Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteMergeLeadsTests(SqliteAppHost app) : MergeLeadsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresMergeLeadsTests(PostgresAppHost app) : MergeLeadsTests(app);
