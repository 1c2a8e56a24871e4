using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Domain.Products;

/// <summary>Products seeded into a new agency so its boards, calculators and product matching have something real to show.</summary>
public static class SampleProducts
{
    public const string MortgageCode = "ICBC-HOUSE-BIZ";

    /// <summary>Adults of working age without current overdue debts: what every sample product asks at least.</summary>
    private static ConditionNode Basic(int minAge, int maxAge, params ConditionNode[] more) => ConditionGroup.AllOf(
        [Comparison.Of("Age", Between, minAge.ToString(), maxAge.ToString()), Comparison.Of("CreditStatus", NotEqualTo, nameof(CreditStatus.Overdue)), .. more]);

    public static IReadOnlyList<LoanProductDefinition> All { get; } =
    [
        new(
            MortgageCode, "房产抵押经营贷", "工商银行", LenderKind.Bank, LoanTypes.Mortgage,
            50m, 1000m, 12, 120, 3.2m, 4.5m,
            [RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal, RepaymentMethod.InterestOnly],
            1.0m,
            ["身份证正反面", "户口本", "婚姻证明", "房产证", "营业执照", "征信报告", "银行流水"],
            Basic(22, 65)),
        new(
            "ZHAOLIAN-CREDIT", "好期贷", "招联消费金融", LenderKind.ConsumerFinance, LoanTypes.Credit,
            1m, 20m, 3, 36, 7.2m, 23.9m,
            [RepaymentMethod.EqualInstallment],
            2.0m,
            ["身份证正反面", "征信报告", "收入证明", "银行流水", "社保缴纳证明"],
            Basic(22, 55)),
        new(
            "PINGAN-CAR", "车主贷", "平安银行", LenderKind.Bank, LoanTypes.Car,
            3m, 50m, 12, 36, 6.0m, 18.0m,
            [RepaymentMethod.EqualInstallment, RepaymentMethod.InterestOnly],
            1.5m,
            ["身份证正反面", "行驶证", "机动车登记证书", "车辆保单", "征信报告", "银行流水"],
            Basic(22, 60)),
        new(
            "WEBANK-WYD", "微业贷", "微众银行", LenderKind.Bank, LoanTypes.Business,
            1m, 300m, 3, 24, 5.0m, 18.0m,
            [RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal, RepaymentMethod.InterestOnly],
            1.0m,
            ["法人身份证正反面", "营业执照", "企业征信报告", "对公银行流水", "纳税证明"],
            Basic(22, 60, Comparison.Of("CreditStatus", NotEqualTo, nameof(CreditStatus.MinorLate)))),
    ];

    /// <summary>
    /// The mortgage product's eligibility where the agency keeps a 名下房产 field (<paramref name="propertyFieldKey"/>,
    /// see <see cref="CustomFields.CustomFieldTemplates"/>): the customer must own property, i.e. the value is not 无.
    /// </summary>
    public static ConditionNode MortgageEligibility(string propertyFieldKey) =>
        Basic(22, 65, Comparison.Of(propertyFieldKey, IsNotEmpty), Comparison.Of(propertyFieldKey, NotEqualTo, "无"));
}
