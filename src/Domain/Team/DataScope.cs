namespace LoanSaaS.Domain.Team;

/// <summary>Which customers, leads and applications a member can see.</summary>
public enum DataScope
{
    /// <summary>Only records assigned to the member.</summary>
    Own,

    /// <summary>Records of the member's team.</summary>
    Team,

    /// <summary>Every record of the agency.</summary>
    All,
}
