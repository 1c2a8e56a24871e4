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
    InvalidSla,
    EndWithoutOutcome,
}
