using LoanSaaS.Domain.Credit;

namespace LoanSaaS.Infrastructure.Credit;

/// <summary>The working local provider: deterministic sample reports (<see cref="SampleCreditReports"/>), no network.</summary>
public sealed class LocalCreditReportProvider : ICreditReportProvider
{
    public const string ProviderName = "Local";

    public string Name => ProviderName;

    public Task<CreditReportContent> FetchAsync(CreditSubject subject, DateOnly reportDate, CancellationToken ct) =>
        Task.FromResult(SampleCreditReports.For(subject.Name, subject.IdNumber, reportDate));
}
