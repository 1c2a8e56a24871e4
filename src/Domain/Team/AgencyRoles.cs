namespace LoanSaaS.Domain.Team;

public static class AgencyRoles
{
    /// <summary>Every role, in display order.</summary>
    public static IReadOnlyList<AgencyRole> All { get; } =
    [
        AgencyRole.Owner, AgencyRole.Admin, AgencyRole.Manager, AgencyRole.Sales,
        AgencyRole.RiskReviewer, AgencyRole.Finance, AgencyRole.PostLoan,
    ];

    private const Permission Everything =
        Permission.ViewDashboard | Permission.ViewTeamLeads | Permission.ViewAllLeads | Permission.RevealPersonalData
        | Permission.ExportData | Permission.ApproveApplications | Permission.ManageFinance | Permission.ManagePostLoan
        | Permission.ManageTeam | Permission.ManageSettings | Permission.ExportPersonalData | Permission.ManageLeads
        | Permission.ViewAuditLog;

    /// <summary>
    /// Sales see their own records and managers their team's. Risk review, finance and post-loan
    /// work on applications and loans from every team, so those roles see the whole agency.
    /// </summary>
    public static DataScope ScopeOf(AgencyRole role) => role switch
    {
        AgencyRole.Sales => DataScope.Own,
        AgencyRole.Manager => DataScope.Team,
        _ => DataScope.All,
    };

    public static bool CanManageTeam(AgencyRole role) => role is AgencyRole.Owner or AgencyRole.Admin;

    /// <summary>Owners manage everyone; admins manage everyone but owners; nobody else manages roles.</summary>
    public static bool CanManageRole(AgencyRole actor, AgencyRole target) => actor switch
    {
        AgencyRole.Owner => true,
        AgencyRole.Admin => target != AgencyRole.Owner,
        _ => false,
    };

    /// <summary>Default permissions; <see cref="Permission.ViewAllLeads"/> matches <see cref="DataScope.All"/>.</summary>
    public static Permission PermissionsOf(AgencyRole role) => role switch
    {
        AgencyRole.Owner or AgencyRole.Admin => Everything,
        AgencyRole.Manager => Permission.ViewDashboard | Permission.ViewTeamLeads | Permission.RevealPersonalData
            | Permission.ExportData | Permission.ApproveApplications | Permission.ManageLeads,
        // Sales phone their own customers, so they may reveal within their own scope.
        AgencyRole.Sales => Permission.RevealPersonalData,
        AgencyRole.RiskReviewer => Permission.ViewAllLeads | Permission.RevealPersonalData | Permission.ApproveApplications,
        AgencyRole.Finance => Permission.ViewDashboard | Permission.ViewAllLeads | Permission.RevealPersonalData
            | Permission.ManageFinance,
        AgencyRole.PostLoan => Permission.ViewAllLeads | Permission.RevealPersonalData | Permission.ManagePostLoan,
        _ => Permission.None,
    };

    public static bool Has(AgencyRole role, Permission permission) =>
        permission != Permission.None && (PermissionsOf(role) & permission) == permission;

    /// <summary>Stable lowercase key used in storage, claims and approval-flow definitions.</summary>
    public static string Key(AgencyRole role) => role switch
    {
        AgencyRole.Owner => "owner",
        AgencyRole.Admin => "admin",
        AgencyRole.Manager => "manager",
        AgencyRole.Sales => "sales",
        AgencyRole.RiskReviewer => "risk",
        AgencyRole.Finance => "finance",
        AgencyRole.PostLoan => "postloan",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Accepts a <see cref="Key"/> or an enum name, case-insensitive; numbers are rejected.</summary>
    public static bool TryParse(string? key, out AgencyRole role)
    {
        var text = key?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(text, Key(candidate), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
