using LoanSaaS.Domain.Approvals;
using LoanSaaS.Infrastructure.Common;
using Microsoft.Extensions.Localization;

namespace LoanSaaS.Web.Approvals;

/// <summary>Texts of the approval-flow pages (ApprovalFlowText.resx = zh-CN, .en.resx): node kinds, problems in words, errors.</summary>
public sealed class ApprovalFlowText
{
    /// <summary>A flow problem in words, naming its node ("风控复审：没有审批人").</summary>
    public static string Problem(IStringLocalizer<ApprovalFlowText> t, ApprovalFlowProblemKind kind, string? nodeName) =>
        nodeName is null ? t["Problem." + kind] : t["ProblemAt", nodeName, t["Problem." + kind]];

    /// <param name="nodeName">The name of a node by id, for a problem the server found ("Nodes.{id}").</param>
    public static string Error(IStringLocalizer<ApprovalFlowText> t, FieldError error, Func<string, string>? nodeName = null) =>
        Enum.TryParse<ApprovalFlowProblemKind>(error.Code, out var kind) && error.Field.StartsWith("Nodes.", StringComparison.Ordinal)
            ? Problem(t, kind, nodeName?.Invoke(error.Field[6..]) ?? error.Field[6..])
        : Enum.TryParse(error.Code, out kind) && error.Field == "Flow" ? Problem(t, kind, null)
        : t[$"Error.{error.Field}.{error.Code}"] is { ResourceNotFound: false } text ? text.Value
        : t[$"Error.{error.Code}"] is { ResourceNotFound: false } code ? code.Value
        : t["Error.Unknown"].Value;

    /// <summary>A node's second line on the diagram: who approves, what a condition checks, whom a notice copies, how it ends.</summary>
    public static string Caption(IStringLocalizer<ApprovalFlowText> t, NodeDraft node, Func<string, string> memberName) => node.Kind switch
    {
        ApprovalNodeKind.Approve => node.ApproverKind switch
        {
            ApproverKind.Role => node.RoleKeys.Count > 0 ? string.Join("/", node.RoleKeys.Select(r => t["Role." + r].Value)) : t["Caption.NoApprovers"],
            ApproverKind.Users => node.UserIds.Count > 0 ? string.Join("/", node.UserIds.Select(memberName)) : t["Caption.NoApprovers"],
            _ => t["ApproverKind.ApplicantManager"],
        } + (node.ApproverKind != ApproverKind.ApplicantManager && node.Mode == ApprovalMode.All ? " · " + t["Mode.All"] : ""),
        ApprovalNodeKind.Notify => t["Kind.Notify"],
        ApprovalNodeKind.End => node.Outcome is { } outcome && t["Outcome." + outcome].Value != node.Name ? t["Outcome." + outcome] : t["Kind.End"],
        _ => t["Kind." + node.Kind],
    };
}
