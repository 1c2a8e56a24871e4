using Bunit;
using LoanSaaS.Web.Hosting;
using LoanSaaS.Web.Shell;
using LoanSaaS.Web.Tests.Harness;

namespace LoanSaaS.Web.Tests.Shell;

public sealed class NavMenuTests : WebTestContext
{
    [Fact]
    public void Owner_sees_home_and_team()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("张伟");
        auth.SetPolicies(Policies.ManageTeam);

        var menu = Render<NavMenu>();

        Assert.Contains("工作台", menu.Markup);
        Assert.Equal("/team", menu.Find("[data-testid=nav-team]").GetAttribute("href"));
        Assert.Contains("团队管理", menu.Find("[data-testid=nav-team]").TextContent);
    }

    [Fact]
    public void Sales_sees_only_the_pages_they_may_use()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("刘洋");

        var menu = Render<NavMenu>();

        Assert.Contains("工作台", menu.Markup);
        Assert.Empty(menu.FindAll("[data-testid=nav-team]"));
    }

    [Fact]
    public void Every_link_points_to_a_routed_page()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("张伟");
        auth.SetPolicies(Policies.ManageTeam);

        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
            .Select(r => r.Template)
            .ToHashSet();
        var links = Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();

        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.Contains(href, routes));
    }
}

public sealed class NavMenuEnglishTests() : WebTestContext("en-US")
{
    [Fact]
    public void English_culture_uses_english_labels()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Zhang Wei");
        auth.SetPolicies(Policies.ManageTeam);

        var menu = Render<NavMenu>();

        Assert.Contains("Home", menu.Markup);
        Assert.Contains("Team", menu.Find("[data-testid=nav-team]").TextContent);
    }
}
