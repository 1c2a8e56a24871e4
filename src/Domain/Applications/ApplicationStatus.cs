namespace LoanSaaS.Domain.Applications;

/// <summary>Where a loan application (进件) stands. Persisted by name.</summary>
public enum ApplicationStatus
{
    /// <summary>草稿: being prepared by the sales owner, documents uploading.</summary>
    Draft,

    /// <summary>审批中: submitted and passing through the approval flow.</summary>
    InApproval,

    /// <summary>退回补件: an approver asked for more documents; resubmitting resumes the flow where it stopped.</summary>
    Returned,

    /// <summary>审批通过.</summary>
    Approved,

    /// <summary>审批拒绝.</summary>
    Rejected,

    /// <summary>已撤回 by the sales owner before a decision.</summary>
    Withdrawn,
}
