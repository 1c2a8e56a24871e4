namespace LoanSaaS.Infrastructure.Team;

public static class AgencyClaims
{
    public const string Tenant = "loansaas:tenant";
    public const string Role = "loansaas:role";
    public const string Team = "loansaas:team";
    public const string Scope = "loansaas:scope";
    public const string Permissions = "loansaas:perms";
    public const string FullName = "loansaas:name";
    public const string PlatformAdmin = "loansaas:platform-admin";
}
