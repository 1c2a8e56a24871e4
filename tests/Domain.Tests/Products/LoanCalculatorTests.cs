using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Tests.Products;

public sealed class LoanCalculatorTests
{
    [Theory]
    // 100,000 元 over 12 months at 10.8%: r = 0.009, 100000 × 0.009 × 1.009^12 / (1.009^12 − 1) = 8828.8395… → 8828.84.
    [InlineData(100_000, 10.8, 12, 8828.84, 8828.83, 5946.07)]
    [InlineData(500_000, 10.8, 36, 16322.04, 16322.16, 87593.56)]
    // A 30-year mortgage at 4.9%: the figure every Chinese bank calculator shows (1,592.18 per 300,000).
    [InlineData(300_000, 4.9, 360, 1592.18, 1592.10, 273184.72)]
    [InlineData(100, 12, 3, 34.00, 34.01, 2.01)]
    public void Equal_installments_match_the_formula_rounded_half_up_with_the_last_one_absorbing_the_rest(
        double principal, double rate, int months, double payment, double last, double interest)
    {
        var estimate = LoanCalculator.EqualInstallment((decimal)principal, (decimal)rate, months);

        Assert.Equal((decimal)payment, estimate.MonthlyPayment);
        Assert.Equal((decimal)last, estimate.LastPayment);
        Assert.Equal((decimal)interest, estimate.TotalInterest);
        Assert.Equal((decimal)principal + (decimal)interest, estimate.TotalRepayment);
        Assert.Equal(estimate.TotalRepayment, estimate.MonthlyPayment * (months - 1) + estimate.LastPayment);
    }

    [Fact]
    public void At_zero_interest_the_principal_is_split_evenly_and_the_last_installment_takes_the_odd_fen()
    {
        var estimate = LoanCalculator.EqualInstallment(10_000m, 0m, 3);

        Assert.Equal(3333.33m, estimate.MonthlyPayment);
        Assert.Equal(3333.34m, estimate.LastPayment);
        Assert.Equal(0m, estimate.TotalInterest);
        Assert.Equal(10_000m, estimate.TotalRepayment);
    }

    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("0.004", "0.00")]
    [InlineData("2.345", "2.35")]
    [InlineData("2.3449", "2.34")]
    [InlineData("8828.835", "8828.84")]
    public void Money_rounds_half_up_to_the_fen(string amount, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            LoanCalculator.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, 10.8, 12)]
    [InlineData(1000, -1, 12)]
    [InlineData(1000, 10.8, 0)]
    [InlineData(1000, 10.8, 601)]
    public void Impossible_loans_are_refused(double principal, double rate, int months) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LoanCalculator.EqualInstallment((decimal)principal, (decimal)rate, months));
}
