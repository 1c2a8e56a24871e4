namespace LoanSaaS.Infrastructure.Settings;

/// <summary>
/// The consent an agency shows on its public form until it writes its own (version "v1"). Chinese because it is the
/// agency's legal text, not UI: it is stored with the version and shown as agreed, whatever the viewer's language.
/// </summary>
public static class DefaultConsent
{
    public const string FirstVersion = "v1";

    public const string Text =
        "本人同意并授权本机构及其合作的持牌金融机构，为办理本人的贷款咨询与申请，依据《中华人民共和国个人信息保护法》等法律法规，"
        + "收集、存储和使用本人在本页面填写的个人信息（包括姓名、手机号码、所在城市、贷款需求等），并通过电话、短信或微信与本人联系。"
        + "本机构将采取加密等安全措施保护上述信息，仅在实现上述目的所必需的期限内保存，不会用于与本次申请无关的用途，"
        + "未经本人同意不会向无关第三方提供。本人可随时联系本机构查阅、更正、删除本人的个人信息或撤回本授权，"
        + "撤回不影响撤回前基于本授权已进行的处理。本机构不向申请人收取任何贷前费用，请谨防诈骗。";
}
