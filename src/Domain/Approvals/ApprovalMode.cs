namespace LoanSaaS.Domain.Approvals;

public enum ApprovalMode
{
    /// <summary>或签: the first approver's decision counts.</summary>
    AnyOne,

    /// <summary>会签: every approver must approve; one rejection rejects.</summary>
    All,
}
