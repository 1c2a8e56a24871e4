namespace LoanSaaS.Domain.Applications;

/// <summary>Where an application stands as the borrower reads it on the progress page (no internal detail).</summary>
public enum ProgressStage
{
    /// <summary>草稿: the sales person is still preparing it.</summary>
    Draft,

    /// <summary>审批中, at a named step.</summary>
    InApproval,

    /// <summary>需补充材料: returned for more documents.</summary>
    NeedsDocuments,

    /// <summary>已通过.</summary>
    Approved,

    /// <summary>未通过.</summary>
    NotApproved,

    /// <summary>已撤回.</summary>
    Withdrawn,
}

public static class ProgressStages
{
    public static ProgressStage Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => ProgressStage.Draft,
        ApplicationStatus.InApproval => ProgressStage.InApproval,
        ApplicationStatus.Returned => ProgressStage.NeedsDocuments,
        ApplicationStatus.Approved => ProgressStage.Approved,
        ApplicationStatus.Rejected => ProgressStage.NotApproved,
        _ => ProgressStage.Withdrawn,
    };
}
