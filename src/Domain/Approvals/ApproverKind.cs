namespace LoanSaaS.Domain.Approvals;

public enum ApproverKind
{
    /// <summary>Members holding one of <see cref="ApproverSettings.RoleKeys"/>.</summary>
    Role,

    /// <summary>The members listed in <see cref="ApproverSettings.UserIds"/>.</summary>
    Users,

    /// <summary>The manager of the team of the member who submitted the application.</summary>
    ApplicantManager,
}
