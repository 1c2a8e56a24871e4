using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Tests.Products;

public class SampleProductsTests
{
    [Fact]
    public void There_are_four_products_with_unique_codes() =>
        Assert.Equal(4, SampleProducts.All.Select(p => p.Code).Distinct().Count());

    [Fact]
    public void Ranges_are_consistent()
    {
        Assert.All(SampleProducts.All, p =>
        {
            Assert.InRange(p.MinAmountWan, 0.01m, p.MaxAmountWan);
            Assert.InRange(p.MinTermMonths, 1, p.MaxTermMonths);
            Assert.InRange(p.MinAnnualRate, 0.01m, p.MaxAnnualRate);
            Assert.InRange(p.MaxAnnualRate, p.MinAnnualRate, 24m); // the judicial-protection ceiling
            Assert.InRange(p.ServiceFeeRate, 0m, 10m);
            Assert.NotEmpty(p.RepaymentMethods);
            Assert.NotEmpty(p.RequiredDocuments);
        });
    }

    [Fact]
    public void Every_loan_type_of_the_brief_is_covered() =>
        Assert.Equal(
            new[] { LoanTypes.Mortgage, LoanTypes.Credit, LoanTypes.Car, LoanTypes.Business }.Order(),
            SampleProducts.All.Select(p => p.LoanType).Order());
}
