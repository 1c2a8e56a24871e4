namespace LoanSaaS.Domain.Leads;

/// <summary>The borrower's own account of their credit record.</summary>
public enum CreditStatus
{
    /// <summary>良好</summary>
    Good,

    /// <summary>有少量逾期</summary>
    MinorLate,

    /// <summary>当前有逾期</summary>
    Overdue,

    /// <summary>白户 (no credit history)</summary>
    NoHistory,

    /// <summary>不清楚</summary>
    Unknown,
}
