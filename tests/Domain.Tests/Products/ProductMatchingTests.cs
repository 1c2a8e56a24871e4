using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Domain.Tests.Products;

/// <summary>产品匹配: eligible products ranked by fit then rate, the others explained part by part.</summary>
public class ProductMatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static LoanProduct Product(string code, decimal minRate, ConditionNode? eligibility = null, decimal min = 1, decimal max = 50, int minTerm = 6, int maxTerm = 36) =>
        new()
        {
            Code = code, Name = code, Lender = "银行", LoanType = LoanTypes.Credit, MinAmountWan = min, MaxAmountWan = max, MinTermMonths = minTerm, MaxTermMonths = maxTerm,
            MinAnnualRate = minRate, MaxAnnualRate = minRate + 5, RepaymentMethods = [RepaymentMethod.EqualInstallment], Eligibility = eligibility ?? ConditionGroup.AllOf(),
        };

    private static Lead Customer(int age, decimal? amount = 10, int? term = 12, CreditStatus? credit = CreditStatus.Good) => new()
    {
        Number = "L1", Name = "张三", BirthDate = Today.AddYears(-age).AddDays(-10), AmountWan = amount, TermMonths = term, CreditStatus = credit,
    };

    private static readonly ConditionNode Age22To60 = ConditionGroup.AllOf(Comparison.Of("Age", Between, "22", "60"), Comparison.Of("CreditStatus", NotEqualTo, nameof(CreditStatus.Overdue)));

    [Fact]
    public void Eligible_products_come_first_those_fitting_amount_and_term_before_the_others_then_the_lowest_rate()
    {
        var cheapNarrow = Product("CHEAP-NARROW", 3m, max: 5);
        var dear = Product("DEAR", 9m);
        var cheap = Product("CHEAP", 4m);
        var old = Product("OLD", 2m, Age22To60);

        var matches = ProductMatching.Match(Customer(63), [cheapNarrow, dear, old, cheap], ApplicationConditions.Schema, Today, Now);

        Assert.Equal(["CHEAP", "DEAR", "OLD", "CHEAP-NARROW"], matches.Select(m => m.Product.Code));
        Assert.Equal([true, true, false, false], matches.Select(m => m.Eligible));
        Assert.True(matches[0].Fits);
        // 10 万 over 12 months at 4 %: 等额本息.
        Assert.Equal(LoanCalculator.EqualInstallment(100_000m, 4m, 12).MonthlyPayment, matches[0].Estimate!.MonthlyPayment);
        Assert.Equal(MatchReasonKind.AmountOutside, Assert.Single(matches[3].Reasons).Kind);
        Assert.Null(matches[3].Estimate);
    }

    [Fact]
    public void Each_failing_comparison_is_a_reason_with_the_customers_value_and_the_ones_met_are_not()
    {
        var match = ProductMatching.Match(Customer(63, credit: CreditStatus.Good), [Product("P", 3m, Age22To60)], ApplicationConditions.Schema, Today, Now).Single();

        var reason = Assert.Single(match.Reasons);
        Assert.Equal(MatchReasonKind.Condition, reason.Kind);
        Assert.Same(((ConditionGroup)Age22To60).Children[0], reason.Node);
        Assert.Equal(63, Assert.Single(reason.Observed).Value);
        Assert.False(reason.Negated);
    }

    [Fact]
    public void An_any_group_fails_as_a_whole_a_none_group_by_the_parts_the_customer_meets_and_an_unknown_value_fails()
    {
        var eligibility = ConditionGroup.AllOf(
            ConditionGroup.AnyOf(Comparison.Of("City", Contains, "上海"), Comparison.Of("City", Contains, "杭州")),
            ConditionGroup.NoneOf(Comparison.Of("CreditStatus", EqualTo, nameof(CreditStatus.Overdue)), Comparison.Of("IsBlacklisted", EqualTo, "true")),
            Comparison.Of("Age", GreaterOrEqual, "22"));
        var lead = Customer(30, credit: CreditStatus.Overdue);
        lead.City = "北京";
        lead.BirthDate = null;

        var reasons = ProductMatching.Match(lead, [Product("P", 3m, eligibility)], ApplicationConditions.Schema, Today, Now).Single().Reasons;

        Assert.Equal(3, reasons.Count);
        Assert.IsType<ConditionGroup>(reasons[0].Node);
        Assert.Equal("北京", reasons[0].Observed.Single().Value);
        Assert.True(reasons[1].Negated);
        Assert.Same(((ConditionGroup)eligibility.Children[1]).Children[0], reasons[1].Node);
        Assert.Null(reasons[2].Observed.Single().Value);
    }

    [Fact]
    public void The_agencys_own_fields_are_matched_and_a_condition_on_a_deleted_field_admits_nobody()
    {
        var property = new CustomField { Label = "名下房产", Type = FieldType.SingleSelect, Options = ["无", "全款房"] };
        var schema = ApplicationConditions.With([property]);
        var mortgage = Product("HOUSE", 3m, SampleProducts.MortgageEligibility(property.Key));
        var owner = Customer(40);
        owner.CustomValues = [new CustomFieldValue { FieldId = property.Id, Text = "全款房" }];
        var tenant = Customer(40);
        tenant.CustomValues = [new CustomFieldValue { FieldId = property.Id, Text = "无" }];

        Assert.True(ProductMatching.Match(owner, [mortgage], schema, Today, Now).Single().Eligible);
        var refused = ProductMatching.Match(tenant, [mortgage], schema, Today, Now).Single();
        Assert.Equal("无", Assert.Single(refused.Reasons).Observed.Single().Value);
        Assert.Equal(MatchReasonKind.InvalidEligibility, Assert.Single(ProductMatching.Match(owner, [mortgage], ApplicationConditions.Schema, Today, Now).Single().Reasons).Kind);
    }

    [Fact]
    public void Inactive_products_are_left_out_and_a_customer_without_amount_is_eligible_without_an_estimate()
    {
        var off = Product("OFF", 1m);
        off.IsActive = false;
        var match = Assert.Single(ProductMatching.Match(Customer(30, amount: null), [off, Product("ON", 5m)], ApplicationConditions.Schema, Today, Now));
        Assert.Equal(("ON", true, false), (match.Product.Code, match.Eligible, match.Fits));
        Assert.Null(match.Estimate);
    }

    [Fact]
    public void Every_sample_products_eligibility_is_valid_and_admits_a_typical_customer()
    {
        var products = SampleProducts.All.Select(LoanProduct.From).ToList();
        Assert.All(products, p => Assert.Empty(ConditionCompiler.Validate(p.Eligibility, ApplicationConditions.Schema)));
        Assert.All(products, p => Assert.Empty(LoanProductChecks.Check(p)));
        var matches = ProductMatching.Match(Customer(35, amount: 10, term: 12), products, ApplicationConditions.Schema, Today, Now);
        Assert.Contains(matches, m => m.Product.Code == "ZHAOLIAN-CREDIT" && m.Eligible);
    }
}
