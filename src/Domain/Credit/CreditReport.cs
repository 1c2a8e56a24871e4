namespace LoanSaaS.Domain.Credit;

/// <summary>
/// A credit report pulled for a loan application (征信报告). The report itself is <see cref="Payload"/>, sealed under
/// the agency's key; the three summary figures are kept in clear for lists and cards. Never changed once pulled.
/// </summary>
public sealed class CreditReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public Guid LeadId { get; set; }

    /// <summary>The provider that answered (<c>Credit:Provider</c>), e.g. "Local".</summary>
    public required string Provider { get; set; }
    public DateOnly ReportDate { get; set; }
    public int Score { get; set; }
    public int CurrentOverdueCount { get; set; }
    public int Queries6Months { get; set; }

    /// <summary>The whole <see cref="CreditReportContent"/> as JSON, encrypted (AES-GCM) under the agency's data key.</summary>
    public required byte[] Payload { get; set; }

    public required string PulledById { get; set; }
    public required string PulledByName { get; set; }
    public DateTimeOffset PulledAt { get; set; }

    public CreditReportSummary Summary => new(Score, CurrentOverdueCount, Queries6Months);
}
