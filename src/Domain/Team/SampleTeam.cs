namespace LoanSaaS.Domain.Team;

/// <summary>Teams and people of the demo agency.</summary>
public static class SampleTeam
{
    public const string EmailDomain = "demo.loansaas.cn";

    public static IReadOnlyList<DemoTeam> Teams { get; } =
    [
        new("浦东一组", "上海浦东"),
        new("徐汇二组", "上海徐汇"),
        new("风控部", "上海"),
    ];

    public static IReadOnlyList<DemoPerson> People { get; } =
    [
        new("张伟", "13912340001", "zhangwei@" + EmailDomain, AgencyRole.Owner, null),
        new("李娜", "13912340002", "lina@" + EmailDomain, AgencyRole.Admin, null),
        new("王强", "13912340003", "wangqiang@" + EmailDomain, AgencyRole.Manager, "浦东一组"),
        new("刘洋", "13912340004", "liuyang@" + EmailDomain, AgencyRole.Sales, "浦东一组"),
        new("陈静", "13912340005", "chenjing@" + EmailDomain, AgencyRole.Sales, "浦东一组"),
        new("周杰", "13800138006", "zhoujie@" + EmailDomain, AgencyRole.Manager, "徐汇二组"),
        new("孙丽", "13800138007", "sunli@" + EmailDomain, AgencyRole.Sales, "徐汇二组"),
        new("杨帆", "13800138008", "yangfan@" + EmailDomain, AgencyRole.RiskReviewer, "风控部"),
        new("赵敏", "13800138009", "zhaomin@" + EmailDomain, AgencyRole.Finance, null),
        new("黄磊", "13800138010", "huanglei@" + EmailDomain, AgencyRole.PostLoan, null),
    ];

    public static DemoPerson Owner => People[0];
}
