namespace LoanSaaS.Domain.FollowUps;

public enum FollowUpChannel
{
    /// <summary>电话</summary>
    Phone,

    /// <summary>微信</summary>
    WeChat,

    /// <summary>面访</summary>
    Visit,

    /// <summary>短信</summary>
    Sms,

    /// <summary>其他</summary>
    Other,
}
