namespace LoanSaaS.Domain.Applications;

/// <summary>Where an uploaded document stands in review. Persisted by name.</summary>
public enum DocumentStatus
{
    /// <summary>待审核.</summary>
    Pending,

    /// <summary>已通过.</summary>
    Accepted,

    /// <summary>已驳回 with a reason; the sales owner may replace it.</summary>
    Rejected,
}
