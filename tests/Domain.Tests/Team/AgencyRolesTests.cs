using LoanSaaS.Domain.Team;

namespace LoanSaaS.Domain.Tests.Team;

public class AgencyRolesTests
{
    [Theory]
    [InlineData(AgencyRole.Owner, DataScope.All)]
    [InlineData(AgencyRole.Admin, DataScope.All)]
    [InlineData(AgencyRole.Manager, DataScope.Team)]
    [InlineData(AgencyRole.Sales, DataScope.Own)]
    [InlineData(AgencyRole.RiskReviewer, DataScope.All)]
    [InlineData(AgencyRole.Finance, DataScope.All)]
    [InlineData(AgencyRole.PostLoan, DataScope.All)]
    public void ScopeOf(AgencyRole role, DataScope expected) => Assert.Equal(expected, AgencyRoles.ScopeOf(role));

    [Theory]
    [InlineData(AgencyRole.Owner, true)]
    [InlineData(AgencyRole.Admin, true)]
    [InlineData(AgencyRole.Manager, false)]
    [InlineData(AgencyRole.Sales, false)]
    [InlineData(AgencyRole.RiskReviewer, false)]
    [InlineData(AgencyRole.Finance, false)]
    [InlineData(AgencyRole.PostLoan, false)]
    public void CanManageTeam(AgencyRole role, bool expected) => Assert.Equal(expected, AgencyRoles.CanManageTeam(role));

    [Theory]
    [InlineData(AgencyRole.Owner, AgencyRole.Owner, true)]
    [InlineData(AgencyRole.Owner, AgencyRole.Admin, true)]
    [InlineData(AgencyRole.Owner, AgencyRole.Sales, true)]
    [InlineData(AgencyRole.Admin, AgencyRole.Owner, false)]
    [InlineData(AgencyRole.Admin, AgencyRole.Admin, true)]
    [InlineData(AgencyRole.Admin, AgencyRole.PostLoan, true)]
    [InlineData(AgencyRole.Manager, AgencyRole.Sales, false)]
    [InlineData(AgencyRole.Sales, AgencyRole.Sales, false)]
    public void CanManageRole(AgencyRole actor, AgencyRole target, bool expected) =>
        Assert.Equal(expected, AgencyRoles.CanManageRole(actor, target));

    [Fact]
    public void All_lists_every_role_once_in_display_order()
    {
        Assert.Equal(Enum.GetValues<AgencyRole>(), AgencyRoles.All);
        Assert.Equal(AgencyRole.Owner, AgencyRoles.All[0]);
    }

    [Theory]
    [InlineData(AgencyRole.Owner, "owner")]
    [InlineData(AgencyRole.Admin, "admin")]
    [InlineData(AgencyRole.Manager, "manager")]
    [InlineData(AgencyRole.Sales, "sales")]
    [InlineData(AgencyRole.RiskReviewer, "risk")]
    [InlineData(AgencyRole.Finance, "finance")]
    [InlineData(AgencyRole.PostLoan, "postloan")]
    public void Key_round_trips_through_TryParse(AgencyRole role, string key)
    {
        Assert.Equal(key, AgencyRoles.Key(role));
        Assert.True(AgencyRoles.TryParse(key, out var parsed));
        Assert.Equal(role, parsed);
    }

    [Theory]
    [InlineData("RISK", AgencyRole.RiskReviewer)]
    [InlineData("RiskReviewer", AgencyRole.RiskReviewer)]
    [InlineData("riskreviewer", AgencyRole.RiskReviewer)]
    [InlineData("PostLoan", AgencyRole.PostLoan)]
    [InlineData(" Owner ", AgencyRole.Owner)]
    public void TryParse_accepts_keys_and_names_in_any_case(string key, AgencyRole expected)
    {
        Assert.True(AgencyRoles.TryParse(key, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("boss")]
    [InlineData("0")]
    [InlineData("3")]
    public void TryParse_rejects_unknown_keys_and_numbers(string? key) => Assert.False(AgencyRoles.TryParse(key, out _));

    [Theory]
    [InlineData(AgencyRole.Owner, Permission.ManageTeam | Permission.ManageSettings | Permission.ManageFinance)]
    [InlineData(AgencyRole.Admin, Permission.ManageTeam | Permission.ManageSettings)]
    [InlineData(AgencyRole.Manager, Permission.ViewDashboard | Permission.ViewTeamLeads | Permission.ApproveApplications)]
    [InlineData(AgencyRole.RiskReviewer, Permission.ApproveApplications | Permission.RevealPersonalData)]
    [InlineData(AgencyRole.Finance, Permission.ManageFinance)]
    [InlineData(AgencyRole.PostLoan, Permission.ManagePostLoan)]
    public void PermissionsOf_includes(AgencyRole role, Permission expected) => Assert.True(AgencyRoles.Has(role, expected));

    [Theory]
    [InlineData(AgencyRole.Manager, Permission.ManageTeam)]
    [InlineData(AgencyRole.Sales, Permission.ViewDashboard)]
    [InlineData(AgencyRole.Sales, Permission.ExportData)]
    [InlineData(AgencyRole.Sales, Permission.ApproveApplications)]
    [InlineData(AgencyRole.RiskReviewer, Permission.ManageSettings)]
    [InlineData(AgencyRole.Finance, Permission.ApproveApplications)]
    [InlineData(AgencyRole.PostLoan, Permission.ManageFinance)]
    [InlineData(AgencyRole.Owner, Permission.None)]
    public void PermissionsOf_excludes(AgencyRole role, Permission permission) => Assert.False(AgencyRoles.Has(role, permission));

    [Fact]
    public void ViewAllLeads_matches_scope_All_and_ManageTeam_matches_CanManageTeam()
    {
        foreach (var role in AgencyRoles.All)
        {
            Assert.Equal(AgencyRoles.ScopeOf(role) == DataScope.All, AgencyRoles.Has(role, Permission.ViewAllLeads));
            Assert.Equal(AgencyRoles.CanManageTeam(role), AgencyRoles.Has(role, Permission.ManageTeam));
        }
    }
}
