namespace LoanSaaS.Domain.Funnels;

/// <summary>The funnel seeded into every new agency; agencies edit their own copy.</summary>
public static class DefaultFunnel
{
    public const string Name = "线索漏斗";

    /// <summary>The stage a customer's card moves to when an application of theirs is submitted (unless it is further already).</summary>
    public const string ApplicationStageKey = "application";

    public static IReadOnlyList<FunnelStageDefinition> Stages { get; } =
    [
        new("new", "线索录入", "#1E88E5", StageCategory.Open, 1),
        new("screening", "电话初筛", "#039BE5", StageCategory.Open, 2),
        new("intent", "意向判断", "#00ACC1", StageCategory.Open, 3),
        new("visit", "邀约面访", "#00897B", StageCategory.Open, 4),
        new("qualification", "资质审核", "#7CB342", StageCategory.Open, 5, StageRequirement.IdNumber),
        new("matching", "方案匹配", "#F9A825", StageCategory.Open, 6, StageRequirement.LoanType, StageRequirement.Amount),
        new(ApplicationStageKey, "进件审批", "#8E24AA", StageCategory.Open, 7),
        new("signing", "签约放款", "#FB8C00", StageCategory.Open, 8),
        new("postloan", "贷后跟进", "#43A047", StageCategory.Won, 9),
        new("invalid", "无效", "#9E9E9E", StageCategory.Lost, 10),
        new("lost", "流失", "#E53935", StageCategory.Lost, 11),
    ];
}
