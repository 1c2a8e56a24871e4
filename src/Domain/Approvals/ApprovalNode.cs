namespace LoanSaaS.Domain.Approvals;

/// <summary>A node of an approval flow. Only the settings matching <see cref="Kind"/> are used.</summary>
public sealed record ApprovalNode(string Id, ApprovalNodeKind Kind, string Name)
{
    /// <summary>Required for <see cref="ApprovalNodeKind.Approve"/> nodes.</summary>
    public ApproverSettings? Approvers { get; init; }

    /// <summary>Roles copied (抄送) by <see cref="ApprovalNodeKind.Notify"/> nodes.</summary>
    public IReadOnlyList<string> NotifyRoleKeys { get; init; } = [];

    /// <summary>Members copied (抄送) by <see cref="ApprovalNodeKind.Notify"/> nodes.</summary>
    public IReadOnlyList<string> NotifyUserIds { get; init; } = [];

    /// <summary>Required for <see cref="ApprovalNodeKind.End"/> nodes.</summary>
    public ApprovalOutcome? Outcome { get; init; }

    public static ApprovalNode Start(string id, string name) => new(id, ApprovalNodeKind.Start, name);

    public static ApprovalNode Approve(string id, string name, ApproverSettings approvers) =>
        new(id, ApprovalNodeKind.Approve, name) { Approvers = approvers };

    public static ApprovalNode Condition(string id, string name) => new(id, ApprovalNodeKind.Condition, name);

    public static ApprovalNode Notify(string id, string name, params IReadOnlyList<string> roleKeys) =>
        new(id, ApprovalNodeKind.Notify, name) { NotifyRoleKeys = roleKeys };

    public static ApprovalNode End(string id, string name, ApprovalOutcome outcome) =>
        new(id, ApprovalNodeKind.End, name) { Outcome = outcome };
}
