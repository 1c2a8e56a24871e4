using LoanSaaS.Domain.Applications;

namespace LoanSaaS.Domain.Approvals;

/// <summary>An active member who may be named an approver: their role key and team.</summary>
public sealed record ApprovalMember(string UserId, string RoleKey, Guid? TeamId);

/// <summary>
/// What a transition needs from outside: the time, the application's facts (for branches), who applies (the owner and
/// the submitter, who may never approve it) and the agency's active members (to resolve approvers in memory).
/// </summary>
public sealed record ApprovalContext(DateTimeOffset Now, ApplicationFacts Facts, string OwnerId, Guid? OwnerTeamId, IReadOnlyList<ApprovalMember> Members)
{
    /// <summary>Who submitted, when not the owner (e.g. a manager submitting for a sales member).</summary>
    public string? SubmitterId { get; init; }

    /// <summary>New task ids; replaceable for repeatable tests.</summary>
    public Func<Guid> NewId { get; init; } = Guid.CreateVersion7;

    public bool IsApplicant(string userId) => userId == OwnerId || userId == SubmitterId;
}
