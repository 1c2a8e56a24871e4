namespace LoanSaaS.Domain.Approvals;

public enum ApprovalNodeKind
{
    Start,
    Approve,
    Condition,
    Notify,
    End,
}
