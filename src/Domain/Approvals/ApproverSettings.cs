namespace LoanSaaS.Domain.Approvals;

/// <summary>Who decides at an approve node, how, and how fast.</summary>
/// <param name="RoleKeys">Role keys as in <c>AgencyRoles.Key</c>, for <see cref="ApproverKind.Role"/>.</param>
/// <param name="SlaHours">Hours before <paramref name="TimeoutAction"/> applies; null for no deadline.</param>
public sealed record ApproverSettings(
    ApproverKind ApproverKind,
    IReadOnlyList<string> RoleKeys,
    IReadOnlyList<string> UserIds,
    ApprovalMode Mode,
    int? SlaHours,
    TimeoutAction TimeoutAction)
{
    public static ApproverSettings ByRole(string roleKey, ApprovalMode mode, int? slaHours, TimeoutAction timeoutAction) =>
        new(ApproverKind.Role, [roleKey], [], mode, slaHours, timeoutAction);
}
