using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.AspNetCore.Identity;

namespace LoanSaaS.Integration.Tests.Team;

/// <summary>The use cases behind the team page (/team), run as the agency's owner.</summary>
public abstract class TeamManagementTests(AppHost app)
{
    private Task<Agency> AgencyAsync() => app.SharedAsync("team-management", () => app.ProvisionAgencyAsync(TestIds.Slug("team")));

    [Fact]
    public async Task Changing_an_invited_members_role_keeps_their_invitation_link_working()
    {
        var agency = await AgencyAsync();
        var member = await app.AddAsync(agency, AgencyRole.Sales, password: null);
        var link = Assert.IsType<PasswordLink>(member.Invitation);

        Assert.True((await UpdateAsync(agency, member.UserId, AgencyRole.Manager)).Succeeded);

        await using var scope = await TenantScope.BeginAsync(app, agency);
        var set = await scope.Get<SetPasswordFromLink>().HandleAsync(link.UserId, link.Token, "Chosen2026pw", CancellationToken.None);
        Assert.True(set.Succeeded, string.Join(", ", set.Errors));
    }

    [Fact]
    public async Task A_role_change_renews_the_security_stamp_and_an_unchanged_save_does_not()
    {
        var agency = await AgencyAsync();
        var member = await app.AddAsync(agency, AgencyRole.Sales);
        var before = await SecurityStampAsync(agency, member.UserId);

        Assert.True((await UpdateAsync(agency, member.UserId, AgencyRole.Sales)).Succeeded);
        Assert.Equal(before, await SecurityStampAsync(agency, member.UserId));

        Assert.True((await UpdateAsync(agency, member.UserId, AgencyRole.Finance)).Succeeded);
        Assert.NotEqual(before, await SecurityStampAsync(agency, member.UserId));
    }

    [Fact]
    public async Task Saving_with_a_stale_stamp_is_refused_as_changed_by_others()
    {
        var agency = await AgencyAsync();
        var member = await app.AddAsync(agency, AgencyRole.Sales);
        var seen = await RowAsync(agency, member.UserId);
        Assert.True((await UpdateAsync(agency, member.UserId, AgencyRole.PostLoan)).Succeeded);

        await using var owner = await app.OwnerScopeAsync(agency);
        var stale = await owner.Get<UpdateMember>().HandleAsync(
            new UpdateMemberRequest(member.UserId, AgencyRole.Finance, null, seen.ConcurrencyStamp), CancellationToken.None);

        Assert.Contains(stale.Errors, e => e.Code == "ChangedByOthers");
        Assert.Equal(AgencyRole.PostLoan, (await RowAsync(agency, member.UserId)).Role);
    }

    [Fact]
    public async Task No_password_link_for_a_deactivated_member()
    {
        var agency = await AgencyAsync();
        var member = await app.AddAsync(agency, AgencyRole.Sales);
        await using var owner = await app.OwnerScopeAsync(agency);
        Assert.True((await owner.Get<SetMemberActive>().HandleAsync(member.UserId, false, CancellationToken.None)).Succeeded);

        var link = await owner.Get<IssuePasswordLink>().HandleAsync(member.UserId, CancellationToken.None);

        Assert.Contains(link.Errors, e => e.Code == "MemberInactive");
    }

    [Fact]
    public async Task The_member_list_carries_each_roles_data_scope_and_the_invitation_state()
    {
        var agency = await AgencyAsync();
        var manager = await app.AddAsync(agency, AgencyRole.Manager);
        var invited = await app.AddAsync(agency, AgencyRole.Sales, password: null);

        var managerRow = await RowAsync(agency, manager.UserId);
        var invitedRow = await RowAsync(agency, invited.UserId);

        Assert.Equal(DataScope.Team, managerRow.Scope);
        Assert.False(managerRow.IsInvitePending);
        Assert.Equal(DataScope.Own, invitedRow.Scope);
        Assert.True(invitedRow.IsInvitePending);
    }

    [Fact]
    public async Task A_team_region_over_50_characters_is_a_field_error()
    {
        var agency = await AgencyAsync();
        await using var owner = await app.OwnerScopeAsync(agency);

        var result = await owner.Get<ManageTeams>().SaveAsync(new SaveTeamRequest(null, $"组{TestIds.Hex8()}", new string('区', 51)), CancellationToken.None);

        Assert.Equal([new("Region", "TooLong")], result.Errors);
    }

    private async Task<LoanSaaS.Infrastructure.Common.Result> UpdateAsync(Agency agency, string userId, AgencyRole role)
    {
        var row = await RowAsync(agency, userId);
        await using var owner = await app.OwnerScopeAsync(agency);
        return await owner.Get<UpdateMember>().HandleAsync(new UpdateMemberRequest(userId, role, row.TeamId, row.ConcurrencyStamp), CancellationToken.None);
    }

    private async Task<MemberRow> RowAsync(Agency agency, string userId)
    {
        await using var owner = await app.OwnerScopeAsync(agency);
        return (await owner.Get<ListMembers>().HandleAsync(CancellationToken.None)).Single(m => m.Id == userId);
    }

    private async Task<string?> SecurityStampAsync(Agency agency, string userId)
    {
        await using var scope = await TenantScope.BeginAsync(app, agency);
        var users = scope.Get<UserManager<AgencyUser>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(userId))!);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteTeamManagementTests(SqliteAppHost app) : TeamManagementTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresTeamManagementTests(PostgresAppHost app) : TeamManagementTests(app);
