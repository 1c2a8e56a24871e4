namespace LoanSaaS.Domain.Approvals;

public enum ApprovalFlowProblemKind
{
    MissingStart,
    MultipleStarts,
    MissingEnd,
    DuplicateNodeId,

    /// <summary>An edge names a node that does not exist; the problem's node id is the missing one.</summary>
    EdgeToUnknownNode,
    StartHasIncomingEdges,
    EndHasOutgoingEdges,

    /// <summary>The node cannot be reached from Start.</summary>
    OrphanNode,

    /// <summary>No path from this node leads to an End, so a running flow could get stuck here.</summary>
    CannotReachEnd,

    /// <summary>A condition node needs exactly one default edge.</summary>
    ConditionNeedsOneDefault,
    ApproveWithoutApprovers,

    /// <summary>An SLA outside 1..720 hours.</summary>
    InvalidSla,
    EndWithoutOutcome,

    /// <summary>A node without a name.</summary>
    NodeWithoutName,

    /// <summary>A Start or Notify node needs exactly one outgoing edge.</summary>
    NeedsOneNext,

    /// <summary>An approve node needs exactly one edge taken when it passes.</summary>
    ApproveNeedsOnePass,

    /// <summary>An approve node has more than one rejection route.</summary>
    ApproveTooManyRejections,

    /// <summary>A rejection route leaves a node that is not an approve node.</summary>
    RejectionNotFromApprove,

    /// <summary>A condition node's non-default branch has no condition.</summary>
    BranchWithoutCondition,

    /// <summary>A branch's condition does not fit the schema; <see cref="ApprovalFlowProblem.Detail"/> has the condition error code.</summary>
    BranchConditionInvalid,

    /// <summary>A notify node copies nobody.</summary>
    NotifyWithoutRecipients,

    /// <summary>An approve node escalates on timeout without naming the role to escalate to.</summary>
    EscalateWithoutRole,

    /// <summary>An approve node without a rejection route, in a flow without a Rejected End for such a rejection.</summary>
    RejectionHasNowhereToGo,

    /// <summary>A role key that is no agency role; <see cref="ApprovalFlowProblem.Detail"/> has the key.</summary>
    UnknownRole,

    /// <summary>A named member who is not an active member of the agency; <see cref="ApprovalFlowProblem.Detail"/> has the id.</summary>
    UnknownMember,
}
