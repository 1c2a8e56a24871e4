using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Products;

namespace LoanSaaS.Domain.Tests.Applications;

public class DefaultAdmissionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static IReadOnlyList<string> Blocking(Lead lead, int missing)
    {
        var product = LoanProduct.From(SampleProducts.All[1]);
        var facts = ApplicationFacts.For(lead, product, null, Today, missing);
        return AdmissionCheck.Failures(DefaultAdmissionRules.All(Now), facts, ApplicationConditions.Schema, Now).Select(f => f.RuleName).ToList();
    }

    [Fact]
    public void The_defaults_are_valid_and_pass_an_ordinary_customer_with_every_document()
    {
        Assert.All(DefaultAdmissionRules.All(Now), r => Assert.Empty(AdmissionRuleChecks.Check(r)));
        Assert.All(DefaultAdmissionRules.All(Now), r => Assert.Empty(ConditionCompiler.Validate(r.Condition, ApplicationConditions.Schema)));
        Assert.Empty(Blocking(new Lead { Number = "L", Name = "甲", BirthDate = Today.AddYears(-30), AmountWan = 10, TermMonths = 12 }, 0));
        // Age unknown: the age rule does not block (the product's eligibility may).
        Assert.Empty(Blocking(new Lead { Number = "L", Name = "甲", AmountWan = 10, TermMonths = 12 }, 0));
    }

    [Fact]
    public void Blacklist_amount_term_age_and_missing_documents_each_block_in_order()
    {
        var lead = new Lead { Number = "L", Name = "甲", BirthDate = Today.AddYears(-70), AmountWan = 80, TermMonths = 48, Status = LeadStatus.Blacklisted };
        Assert.Equal(["黑名单客户不得进件", "金额超出产品范围", "期限超出产品范围", "年龄不在 18–65 岁", "缺少必备材料"], Blocking(lead, 2));
    }

    [Fact]
    public void An_empty_condition_name_or_message_is_refused()
    {
        var rule = new AdmissionRule { Name = " ", Message = "", Condition = ConditionGroup.AllOf() };
        Assert.Equal(["Name.Required", "Message.Required", "Condition.Required"], AdmissionRuleChecks.Check(rule).Select(e => $"{e.Field}.{e.Code}"));
    }
}
