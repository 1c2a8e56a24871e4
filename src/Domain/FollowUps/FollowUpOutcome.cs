namespace LoanSaaS.Domain.FollowUps;

public enum FollowUpOutcome
{
    /// <summary>有意向</summary>
    Interested,

    /// <summary>需再跟进</summary>
    CallBack,

    /// <summary>已约面访</summary>
    VisitBooked,

    /// <summary>未接通</summary>
    NoAnswer,

    /// <summary>暂无需求</summary>
    NotInterested,

    /// <summary>资质不符</summary>
    NotQualified,
}
