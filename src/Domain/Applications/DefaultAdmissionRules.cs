using LoanSaaS.Domain.Automation;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Domain.Applications;

/// <summary>The admission rules (进件准入) every new agency starts with; each blocks a submission when its condition holds.</summary>
public static class DefaultAdmissionRules
{
    public static IReadOnlyList<AdmissionRule> All(DateTimeOffset now) =>
    [
        Rule(0, "黑名单客户不得进件", "客户在黑名单中，不能进件", Comparison.Of("IsBlacklisted", EqualTo, "true"), now),
        Rule(1, "金额超出产品范围", "申请金额不在产品的额度范围内，请调整金额或更换产品", Comparison.Of("AmountWithinProduct", EqualTo, "false"), now),
        Rule(2, "期限超出产品范围", "申请期限不在产品的期限范围内，请调整期限或更换产品", Comparison.Of("TermWithinProduct", EqualTo, "false"), now),
        // Any of the two, so a customer whose age is unknown is not blocked by this rule (the product's eligibility may ask for it).
        new AdmissionRule
        {
            Name = "年龄不在 18–65 岁", Message = "客户年龄须在 18–65 岁之间", Order = 3,
            Condition = ConditionGroup.AnyOf(Comparison.Of("Age", LessThan, "18"), Comparison.Of("Age", GreaterThan, "65")),
            CreatedAt = now.AddMilliseconds(3), UpdatedAt = now, Version = 1,
        },
        Rule(4, "缺少必备材料", "产品要求的材料尚未上传齐全", Comparison.Of("MissingDocuments", GreaterThan, "0"), now),
    ];

    private static AdmissionRule Rule(int order, string name, string message, ConditionNode condition, DateTimeOffset now) => new()
    {
        Name = name, Message = message, Order = order, Condition = ConditionGroup.AllOf(condition),
        CreatedAt = now.AddMilliseconds(order), UpdatedAt = now, Version = 1,
    };
}
