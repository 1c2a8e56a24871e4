namespace LoanSaaS.Domain.Team;

/// <summary>A member's role inside an agency. Stored by <see cref="AgencyRoles.Key"/>, not by number.</summary>
public enum AgencyRole
{
    Owner,
    Admin,
    Manager,
    Sales,
    RiskReviewer,
    Finance,
    PostLoan,
}
