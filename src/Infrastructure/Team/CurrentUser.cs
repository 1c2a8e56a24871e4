using System.Globalization;
using System.Security.Claims;
using LoanSaaS.Domain.Team;

namespace LoanSaaS.Infrastructure.Team;

/// <summary>The signed-in member and what they may see: every query filters by <see cref="Scope"/>.</summary>
public sealed record CurrentUser(string UserId, string FullName, AgencyRole Role, DataScope Scope, Guid? TeamId, Permission Permissions)
{
    public bool Can(Permission permission) => (Permissions & permission) == permission;

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !AgencyRoles.TryParse(principal.FindFirstValue(AgencyClaims.Role), out var role)) return null;
        return new CurrentUser(
            id,
            principal.FindFirstValue(AgencyClaims.FullName) ?? "",
            role,
            Enum.TryParse<DataScope>(principal.FindFirstValue(AgencyClaims.Scope), out var scope) ? scope : AgencyRoles.ScopeOf(role),
            Guid.TryParse(principal.FindFirstValue(AgencyClaims.Team), out var team) ? team : null,
            long.TryParse(principal.FindFirstValue(AgencyClaims.Permissions), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)
                ? (Permission)p : AgencyRoles.PermissionsOf(role));
    }
}

/// <summary>Gives use cases the signed-in member of this request or circuit (implemented by Web over the auth state).</summary>
public interface ICurrentUserAccessor
{
    Task<CurrentUser?> GetAsync(CancellationToken ct = default);
}

public static class CurrentUserAccessorExtensions
{
    public static async Task<CurrentUser> RequireAsync(this ICurrentUserAccessor accessor, Permission permission, CancellationToken ct)
    {
        var user = await accessor.GetAsync(ct) ?? throw new Common.AccessDeniedException("Not signed in.");
        return user.Can(permission) ? user : throw new Common.AccessDeniedException($"Missing permission {permission}.");
    }
}
