using LoanSaaS.Domain.Credit;

namespace LoanSaaS.Infrastructure.Credit;

/// <summary>Whom a report is asked for. The ID number is plain here: never log this record.</summary>
public sealed record CreditSubject(string Name, string IdNumber)
{
    public override string ToString() => nameof(CreditSubject);
}

/// <summary>
/// The credit data port (征信接口): asks a credit bureau or data vendor for a person's report. The local provider
/// answers from the ID number alone; a real gateway replaces the registration (<c>Credit:Provider</c>).
/// </summary>
public interface ICreditReportProvider
{
    /// <summary>Stored with each report, e.g. "Local".</summary>
    string Name { get; }

    Task<CreditReportContent> FetchAsync(CreditSubject subject, DateOnly reportDate, CancellationToken ct);
}
