namespace LoanSaaS.Domain.Products;

/// <summary>What an equal-installment loan costs: the regular payment, the last one (which absorbs rounding) and the totals, in CNY.</summary>
public sealed record InstallmentEstimate(decimal MonthlyPayment, decimal LastPayment, decimal TotalInterest, decimal TotalRepayment);

/// <summary>Repayment arithmetic in <see cref="decimal"/>: each installment rounds half-up to 0.01, the last one absorbs the remainder.</summary>
public static class LoanCalculator
{
    public const int MaxTermMonths = 600;

    /// <summary>
    /// 等额本息: payment = P·r·(1+r)^n / ((1+r)^n − 1) with r the monthly rate (annual ÷ 12), rounded half-up to 0.01.
    /// Interest of each month is the balance × r, rounded the same way; the last payment clears the balance exactly.
    /// </summary>
    /// <param name="principal">Amount borrowed in CNY (元).</param>
    /// <param name="annualRatePercent">Nominal annual rate in percent, e.g. 10.8 for 10.8%.</param>
    /// <param name="months">Number of monthly installments.</param>
    public static InstallmentEstimate EqualInstallment(decimal principal, decimal annualRatePercent, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(principal);
        ArgumentOutOfRangeException.ThrowIfNegative(annualRatePercent);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, MaxTermMonths);

        var rate = annualRatePercent / 1200m;
        var payment = Money(rate == 0 ? principal / months : principal * rate * Growth(rate, months) / (Growth(rate, months) - 1m));

        var balance = principal;
        var totalInterest = 0m;
        var last = 0m;
        for (var month = 1; month <= months; month++)
        {
            var interest = Money(balance * rate);
            var principalPart = month == months ? balance : Math.Min(payment - interest, balance);
            last = principalPart + interest;
            balance -= principalPart;
            totalInterest += interest;
        }
        return new InstallmentEstimate(payment, last, totalInterest, principal + totalInterest);
    }

    /// <summary>Half-up ("四舍五入") to the fen.</summary>
    public static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static decimal Growth(decimal rate, int months)
    {
        var factor = 1m;
        for (var i = 0; i < months; i++) factor *= 1m + rate;
        return factor;
    }
}
