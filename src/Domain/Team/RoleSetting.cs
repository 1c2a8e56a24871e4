namespace LoanSaaS.Domain.Team;

/// <summary>An agency's settings for one role, seeded from <see cref="AgencyRoles"/> defaults.</summary>
public sealed class RoleSetting
{
    public AgencyRole Role { get; set; }
    public DataScope DataScope { get; set; }
    public Permission Permissions { get; set; }

    public static RoleSetting Default(AgencyRole role) =>
        new() { Role = role, DataScope = AgencyRoles.ScopeOf(role), Permissions = AgencyRoles.PermissionsOf(role) };
}
