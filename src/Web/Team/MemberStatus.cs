using LoanSaaS.Infrastructure.Team;
using MudBlazor;

namespace LoanSaaS.Web.Team;

public enum MemberStatus
{
    Active,
    Deactivated,
    Locked,
    InvitePending,
}

public static class MemberStatuses
{
    /// <summary>One status per member: a deactivated account is shown as such even while an invitation is open or it is locked.</summary>
    public static MemberStatus Of(MemberRow member) =>
        !member.IsActive ? MemberStatus.Deactivated
        : member.IsInvitePending ? MemberStatus.InvitePending
        : member.IsLockedOut ? MemberStatus.Locked
        : MemberStatus.Active;

    public static Color ColorOf(MemberStatus status) => status switch
    {
        MemberStatus.Active => Color.Success,
        MemberStatus.InvitePending => Color.Warning,
        MemberStatus.Locked => Color.Error,
        _ => Color.Default,
    };
}
