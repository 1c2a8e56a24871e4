namespace LoanSaaS.Domain.Approvals;

public enum ApprovalOutcome
{
    Approved,
    Rejected,
}
