namespace LoanSaaS.Domain.Credit;

/// <summary>
/// A personal credit report (个人征信报告) as a provider returns it. It names the person and holds C2 data, so it is
/// stored sealed and shown only after a reveal; <see cref="CreditReportSummary"/> is what may be shown in clear.
/// </summary>
/// <param name="MaskedIdNumber">The ID number as the report prints it, masked as everywhere else.</param>
/// <param name="Overdue24Months">Months with an overdue payment in the last 24 months (近24个月逾期次数), current ones included.</param>
/// <param name="Queries6Months">Hard inquiries by lenders in the last 6 months (近6个月查询次数).</param>
public sealed record CreditReportContent(
    string Name, string MaskedIdNumber, DateOnly ReportDate, int Score,
    int CurrentOverdueCount, decimal CurrentOverdueAmount, int Overdue24Months, int Queries6Months, decimal TotalDebt,
    IReadOnlyList<CreditAccountLine> Accounts)
{
    public CreditReportSummary Summary => new(Score, CurrentOverdueCount, Queries6Months);

    /// <summary>What the report says of the borrower's own account of their credit (<see cref="Leads.CreditStatus"/>).</summary>
    public Leads.CreditStatus SuggestedStatus =>
        CurrentOverdueCount > 0 ? Leads.CreditStatus.Overdue
        : Overdue24Months > 0 ? Leads.CreditStatus.MinorLate
        : Accounts.Count == 0 ? Leads.CreditStatus.NoHistory
        : Leads.CreditStatus.Good;
}

/// <summary>One account of the report (信贷账户明细).</summary>
/// <param name="Limit">The credit limit or the loan amount, 元.</param>
/// <param name="Balance">What is owed now, 元.</param>
public sealed record CreditAccountLine(
    string Institution, CreditAccountKind Kind, DateOnly OpenedOn, decimal Limit, decimal Balance, CreditAccountState State, decimal OverdueAmount);

public enum CreditAccountKind { CreditCard, Mortgage, CarLoan, ConsumerLoan, BusinessLoan }

public enum CreditAccountState { Normal, Overdue, Closed }

/// <summary>The figures that may be stored and shown in clear: no name, no number, nothing that identifies anyone.</summary>
public sealed record CreditReportSummary(int Score, int CurrentOverdueCount, int Queries6Months);
