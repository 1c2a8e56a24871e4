using LoanSaaS.Domain.People;
using LoanSaaS.Domain.Team;

namespace LoanSaaS.Domain.Tests.Team;

public class SampleTeamTests
{
    [Fact]
    public void Every_person_has_a_valid_unique_mobile_and_email()
    {
        Assert.All(SampleTeam.People, p => Assert.Equal(p.Mobile, ChinaMobile.Normalize(p.Mobile)));
        Assert.All(SampleTeam.People, p => Assert.EndsWith("@" + SampleTeam.EmailDomain, p.Email));
        Assert.Equal(SampleTeam.People.Count, SampleTeam.People.Select(p => p.Mobile).Distinct().Count());
        Assert.Equal(SampleTeam.People.Count, SampleTeam.People.Select(p => p.Email).Distinct().Count());
    }

    [Fact]
    public void People_belong_to_known_teams()
    {
        var teams = SampleTeam.Teams.Select(t => t.Name).ToHashSet();
        Assert.All(SampleTeam.People.Where(p => p.Team is not null), p => Assert.Contains(p.Team!, teams));
    }

    [Fact]
    public void There_is_exactly_one_owner_and_every_role_is_represented()
    {
        Assert.Equal("张伟", Assert.Single(SampleTeam.People, p => p.Role == AgencyRole.Owner).Name);
        Assert.Equal(SampleTeam.Owner, SampleTeam.People.Single(p => p.Role == AgencyRole.Owner));
        Assert.All(AgencyRoles.All, role => Assert.Contains(SampleTeam.People, p => p.Role == role));
    }

    [Fact]
    public void Every_sales_team_has_a_manager()
    {
        foreach (var team in SampleTeam.People.Where(p => p.Role == AgencyRole.Sales).Select(p => p.Team).Distinct())
        {
            Assert.Contains(SampleTeam.People, p => p.Role == AgencyRole.Manager && p.Team == team);
        }
    }
}
