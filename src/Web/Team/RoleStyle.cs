using LoanSaaS.Domain.Team;
using MudBlazor;

namespace LoanSaaS.Web.Team;

/// <summary>A colour per role so the member list can be scanned at a glance.</summary>
public static class RoleStyle
{
    public static Color ColorOf(AgencyRole role) => role switch
    {
        AgencyRole.Owner => Color.Secondary,
        AgencyRole.Admin => Color.Primary,
        AgencyRole.Manager => Color.Tertiary,
        AgencyRole.Sales => Color.Info,
        AgencyRole.RiskReviewer => Color.Warning,
        AgencyRole.Finance => Color.Success,
        _ => Color.Dark,
    };
}
