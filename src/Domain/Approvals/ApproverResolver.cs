using LoanSaaS.Domain.Team;

namespace LoanSaaS.Domain.Approvals;

/// <summary>
/// Who approves a node. Nobody approves their own application: the owner and the submitter are struck from every
/// list. When that (or an empty role) leaves nobody, the node falls back to the managers (经理) of the owner's team,
/// then to the agency's owners and admins, never to the applicant; only when even they are the applicant is there
/// no approver (<see cref="ApprovalError.NoApprover"/>).
/// </summary>
public static class ApproverResolver
{
    public static IReadOnlyList<string> For(ApproverSettings settings, ApprovalContext context)
    {
        var named = settings.ApproverKind switch
        {
            ApproverKind.Role => context.Members.Where(m => settings.RoleKeys.Contains(m.RoleKey)).Select(m => m.UserId),
            ApproverKind.Users => settings.UserIds.Where(id => context.Members.Any(m => m.UserId == id)),
            ApproverKind.ApplicantManager => ManagersOfOwner(context),
            _ => [],
        };
        var approvers = Eligible(named, context);
        if (approvers.Count == 0) approvers = Eligible(ManagersOfOwner(context), context);
        if (approvers.Count == 0) approvers = Eligible(RoleMembers(context, AgencyRole.Owner, AgencyRole.Admin), context);
        return approvers;
    }

    /// <summary>Members of <paramref name="roleKey"/> who may approve (not the applicant), for escalation.</summary>
    public static IReadOnlyList<string> OfRole(string roleKey, ApprovalContext context) =>
        Eligible(context.Members.Where(m => m.RoleKey == roleKey).Select(m => m.UserId), context);

    private static IEnumerable<string> ManagersOfOwner(ApprovalContext context) => context.OwnerTeamId is { } team
        ? context.Members.Where(m => m.TeamId == team && m.RoleKey == AgencyRoles.Key(AgencyRole.Manager)).Select(m => m.UserId)
        : [];

    private static IEnumerable<string> RoleMembers(ApprovalContext context, params AgencyRole[] roles)
    {
        var keys = roles.Select(AgencyRoles.Key).ToList();
        return context.Members.Where(m => keys.Contains(m.RoleKey)).Select(m => m.UserId);
    }

    private static List<string> Eligible(IEnumerable<string> ids, ApprovalContext context) =>
        ids.Where(id => !context.IsApplicant(id)).Distinct(StringComparer.Ordinal).ToList();
}
