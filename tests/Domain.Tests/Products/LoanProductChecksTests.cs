using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Tests.Products;

public class LoanProductChecksTests
{
    private static LoanProduct Valid() => LoanProduct.From(SampleProducts.All[1]);

    private static string Codes(LoanProduct p) => string.Join(",", LoanProductChecks.Check(p).Select(e => $"{e.Field}.{e.Code}"));

    [Fact]
    public void A_sample_product_is_valid() => Assert.Equal("", Codes(Valid()));

    [Fact]
    public void Ranges_must_be_ordered_positive_and_rates_within_36_percent()
    {
        var p = Valid();
        (p.MinAmountWan, p.MaxAmountWan, p.MinTermMonths, p.MaxTermMonths, p.MinAnnualRate, p.MaxAnnualRate, p.ServiceFeeRate) = (30, 20, 0, 36, 12, 40, -1);
        Assert.Equal("MaxAmountWan.BelowMin,MinTermMonths.Range,MaxAnnualRate.Range,ServiceFeeRate.Range", Codes(p));
        (p.MinAmountWan, p.MaxAmountWan, p.MinTermMonths, p.MinAnnualRate, p.MaxAnnualRate, p.ServiceFeeRate) = (0, 20, 40, 12, 10, 2);
        Assert.Equal("MinAmountWan.Range,MaxTermMonths.BelowMin,MaxAnnualRate.BelowMin", Codes(p));
    }

    [Fact]
    public void Names_a_code_of_plain_characters_a_repayment_method_and_short_document_names_are_required()
    {
        var p = Valid();
        (p.Code, p.Name, p.Lender, p.LoanType) = ("好 期", " ", "", "");
        p.RepaymentMethods = [];
        p.RequiredDocuments = [new string('证', 51)];
        Assert.Equal("Code.Format,Name.Required,Lender.Required,LoanType.Required,RepaymentMethods.Required,RequiredDocuments.TooLong", Codes(p));
        Assert.Equal(["身份证", "征信报告"], LoanProductChecks.Documents([" 身份证 ", "", null, "征信报告", "身份证"]));
    }
}
