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
    /// <summary>For <see cref="TimeoutAction.Escalate"/>: the role whose members are added as approvers when the SLA passes.</summary>
    public string? EscalateToRoleKey { get; init; }

    public static ApproverSettings ByRole(string roleKey, ApprovalMode mode, int? slaHours, TimeoutAction timeoutAction) =>
        new(ApproverKind.Role, [roleKey], [], mode, slaHours, timeoutAction);

    public static ApproverSettings ApplicantManager(int? slaHours, TimeoutAction timeoutAction) =>
        new(ApproverKind.ApplicantManager, [], [], ApprovalMode.AnyOne, slaHours, timeoutAction);
}
