using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Integration.Tests.Harness;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Integration.Tests.Team;

/// <summary>The sign-in cookie carries the member's agency, role and data scope: read back from a real cookie.</summary>
public abstract class RoleClaimsTests(AppHost app)
{
    [Theory]
    [InlineData(AgencyRole.Sales, DataScope.Own)]
    [InlineData(AgencyRole.Manager, DataScope.Team)]
    [InlineData(AgencyRole.Owner, DataScope.All)]
    [InlineData(AgencyRole.RiskReviewer, DataScope.All)]
    public async Task Cookie_principal_has_the_role_and_scope(AgencyRole role, DataScope scope)
    {
        var agency = await app.SharedAsync("role-claims", () => app.ProvisionAgencyAsync(TestIds.Slug("claims")));
        var (login, password) = role == AgencyRole.Owner
            ? (agency.OwnerMobile, agency.OwnerPassword)
            : await AddAsync(agency, role);

        using var client = app.CreateAgencyClient(agency);
        var cookie = await AppHost.LoginAsync(client, login, password);

        var ticket = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat.Unprotect(cookie);
        Assert.NotNull(ticket);
        var member = CurrentUser.From(ticket.Principal);
        Assert.NotNull(member);
        Assert.Equal(role, member.Role);
        Assert.Equal(scope, member.Scope);
        Assert.Equal(AgencyRoles.PermissionsOf(role), member.Permissions);
        Assert.Equal(agency.Id.ToString(), ticket.Principal.FindFirst(AgencyClaims.Tenant)?.Value);
    }

    private async Task<(string, string)> AddAsync(Agency agency, AgencyRole role)
    {
        var member = await app.AddAsync(agency, role);
        return (member.Mobile, member.Password!);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRoleClaimsTests(SqliteAppHost app) : RoleClaimsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRoleClaimsTests(PostgresAppHost app) : RoleClaimsTests(app);
