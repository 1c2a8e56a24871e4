using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Pools;
using LoanSaaS.Web.Leads;
using LoanSaaS.Web.Pools;
using LoanSaaS.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using static LoanSaaS.Domain.Automation.ConditionOperator;

namespace LoanSaaS.Web.Tests.Pools;

/// <summary>A pool's condition in words on its card, and the builder's draft turning back into the same condition.</summary>
public sealed class PoolTextTests : WebTestContext
{
    private string Describe(ConditionNode condition, ConditionSchema<Domain.Leads.Lead>? schema = null) =>
        PoolText.Describe(condition, schema ?? LeadConditions.Schema, Services.GetRequiredService<IStringLocalizer<PoolText>>(), Services.GetRequiredService<IStringLocalizer<LeadText>>(), null);

    [Fact]
    public void A_condition_reads_as_a_sentence_with_groups_in_brackets()
    {
        var dormant = DefaultPools.All.Single(p => p.Name == "待激活池").Condition;

        Assert.Equal("意向等级 属于 A（强烈）、B（较强） 且 状态 等于 意向客户 且 （最近跟进 在 3 天以前 或 最近跟进 为空）", Describe(dormant));
        Assert.Equal("不满足（标签 包含 黑户 或 申请金额（万元） 介于 10 ~ 20）",
            Describe(ConditionGroup.NoneOf(Comparison.Of("Tags", Contains, "黑户"), Comparison.Of("AmountWan", Between, "10", "20"))));
        Assert.Equal("全部线索", Describe(ConditionGroup.AllOf()));
    }

    [Fact]
    public void The_agencys_own_fields_are_named_by_their_labels()
    {
        var house = new Domain.CustomFields.CustomField { Label = "名下房产", Type = FieldType.SingleSelect, Options = ["无", "全款房"] };
        var debt = new Domain.CustomFields.CustomField { Label = "负债总额", Type = FieldType.Money };
        var schema = LeadConditions.With([house, debt]);

        Assert.Equal("名下房产 等于 全款房 且 负债总额 小于 500000",
            Describe(ConditionGroup.AllOf(Comparison.Of(house.Key, EqualTo, "全款房"), Comparison.Of(debt.Key, LessThan, "500000")), schema));
    }

    [Fact]
    public void The_builders_draft_gives_back_the_condition_it_was_made_from()
    {
        var condition = DefaultPools.All[1].Condition;

        var draft = ConditionDraft.From(condition);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(condition), System.Text.Json.JsonSerializer.Serialize(draft.ToCondition()));
        var blank = new ComparisonDraft { Field = "AmountWan", Operator = Between, Values = ["10"] };
        Assert.Equal(["10", ""], ((Comparison)blank.ToCondition()).Values);
    }
}
