namespace LoanSaaS.Domain.Approvals;

/// <summary>What the runtime must do after a transition: write tasks and history, notify, update the application.</summary>
public abstract record ApprovalEffect;

public sealed record TasksOpened(string NodeId, string NodeName, IReadOnlyList<ApprovalTaskState> Tasks, DateTimeOffset? DueAt) : ApprovalEffect;

public sealed record TasksClosed(IReadOnlyList<ApprovalTaskState> Tasks) : ApprovalEffect;

/// <summary>抄送: a Notify node passed; its roles (and named users) hear about the application.</summary>
public sealed record CcNotified(string NodeId, string NodeName, IReadOnlyList<string> RoleKeys, IReadOnlyList<string> UserIds) : ApprovalEffect;

public sealed record ApproversReminded(string NodeId, string NodeName, IReadOnlyList<string> ApproverIds) : ApprovalEffect;

public sealed record ApprovalEscalated(string NodeId, string NodeName, string RoleKey, IReadOnlyList<string> AddedApproverIds) : ApprovalEffect;

public sealed record ApprovalFinished(ApprovalOutcome Outcome, string NodeId, string NodeName) : ApprovalEffect;

public sealed record ReturnedToOwner(string NodeId, string NodeName, string? Comment) : ApprovalEffect;

/// <summary>The step the application waits at changed (the node's name).</summary>
public sealed record StepChanged(string StepName) : ApprovalEffect;

/// <summary>A line of the approval history: every decision, and what the flow did by itself.</summary>
public sealed record HistoryRecorded(ApprovalRecord Record) : ApprovalEffect;
