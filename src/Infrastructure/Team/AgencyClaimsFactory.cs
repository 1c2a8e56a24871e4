using System.Globalization;
using System.Security.Claims;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>Puts the agency, role, team, data scope and permissions into the sign-in cookie.</summary>
public sealed class AgencyClaimsFactory(UserManager<AgencyUser> users, IOptions<IdentityOptions> options, TenantContext tenant, AgencyDbContext db)
    : UserClaimsPrincipalFactory<AgencyUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AgencyUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var setting = await db.RoleSettings.AsNoTracking().FirstOrDefaultAsync(r => r.Role == user.Role) ?? RoleSetting.Default(user.Role);
        identity.AddClaim(new Claim(AgencyClaims.Tenant, tenant.Required.Id.ToString()));
        identity.AddClaim(new Claim(AgencyClaims.Role, AgencyRoles.Key(user.Role)));
        identity.AddClaim(new Claim(AgencyClaims.Scope, setting.DataScope.ToString()));
        identity.AddClaim(new Claim(AgencyClaims.Permissions, ((long)setting.Permissions).ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AgencyClaims.FullName, user.FullName));
        if (user.TeamId is { } team) identity.AddClaim(new Claim(AgencyClaims.Team, team.ToString()));
        return identity;
    }
}
