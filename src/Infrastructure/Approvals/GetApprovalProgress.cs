using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

public enum ApprovalStepState { Done, Current, Ahead }

/// <summary>A node on the application's way: passed, where it waits, or still ahead (if every approver approves).</summary>
public sealed record ApprovalProgressStep(string NodeId, string Name, ApprovalStepState State);

public sealed record ApprovalProgressTask(Guid TaskId, string ApproverName, ApprovalTaskStatus Status, bool IsEscalation, DateTimeOffset? DueAt,
    string? DecidedByName, string? OnBehalfOfName, string? Comment, bool CanDecide);

public sealed record ApprovalHistoryLine(long Id, ApprovalAction Action, string NodeName, string? ActorName, string? OnBehalfOfName, string? Comment, string? Detail, DateTimeOffset At);

public sealed record ApprovalProgressView(Guid ApplicationId, string FlowName, int FlowVersion, ApplicationStatus Status, ApprovalInstanceStatus ApprovalStatus,
    string? CurrentStep, ApprovalMode Mode, DateTimeOffset? DueAt, IReadOnlyList<ApprovalProgressStep> Path,
    IReadOnlyList<ApprovalProgressTask> CurrentTasks, IReadOnlyList<ApprovalHistoryLine> History);

/// <summary>
/// 审批进度 of one application: its path (passed, current, ahead), the current node's approvers and their state, and
/// the whole history. Seen by its owner, anyone who has or had a task on it (or holds one as delegate), and members
/// whose data scope covers its team or the agency; null otherwise, and for an application with no approval.
/// </summary>
public sealed class GetApprovalProgress(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<ApprovalProgressView?> HandleAsync(Guid applicationId, CancellationToken ct)
    {
        var user = await current.GetAsync(ct) ?? throw new Common.AccessDeniedException("Not signed in.");
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var application = await db.LoanApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null) return null;
        var approval = await db.ApplicationApprovals.AsNoTracking().Where(a => a.ApplicationId == applicationId).OrderByDescending(a => a.StartedAt).FirstOrDefaultAsync(ct);
        if (approval is null) return null;
        var mine = await ApprovalAccess.ApproverIdsForAsync(db, user.UserId, now, ct);
        var seesAll = user.Scope == DataScope.All || (user.Scope == DataScope.Team && user.TeamId is { } team && application.TeamId == team);
        if (application.OwnerId != user.UserId && !seesAll && !await db.ApprovalTasks.AnyAsync(t => t.ApplicationId == applicationId && mine.Contains(t.ApproverId), ct))
            return null;

        var flow = await db.ApprovalFlows.AsNoTracking().FirstAsync(f => f.Id == approval.FlowVersionId, ct);
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        string? Name(string? id) => id is not null && names.TryGetValue(id, out var n) ? n : null;
        var history = await db.ApprovalDecisions.AsNoTracking().Where(d => d.ApplicationId == applicationId).OrderBy(d => d.Id)
            .Select(d => new ApprovalHistoryLine(d.Id, d.Action, d.NodeName, d.ActorName, d.OnBehalfOfName, d.Comment, d.Detail, d.At)).ToListAsync(ct);
        var tasks = await db.ApprovalTasks.AsNoTracking().Where(t => t.ApprovalId == approval.Id && t.Round == approval.Round && t.Status != ApprovalTaskStatus.Reassigned)
            .OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var passed = await db.ApprovalDecisions.AsNoTracking().Where(d => d.ApprovalId == approval.Id).Select(d => d.NodeId).Distinct().ToListAsync(ct);

        return new ApprovalProgressView(application.Id, flow.Name, flow.Version, application.Status, approval.Status, application.CurrentStep, approval.Mode, approval.DueAt,
            await PathAsync(db, flow, application, approval, passed, now, ct),
            tasks.Select(t => new ApprovalProgressTask(t.Id, Name(t.ApproverId) ?? "", t.Status, t.IsEscalation, t.DueAt, Name(t.DecidedById), Name(t.OnBehalfOfId), t.Comment,
                t.Status == ApprovalTaskStatus.Open && mine.Contains(t.ApproverId) && application.OwnerId != user.UserId && application.SubmittedById != user.UserId)).ToList(),
            history);
    }

    /// <summary>The nodes an all-approve run passes for this application's facts, marked against what really happened.</summary>
    private static async Task<IReadOnlyList<ApprovalProgressStep>> PathAsync(AgencyDbContext db, ApprovalFlowVersion flow, LoanApplication application,
        ApplicationApproval approval, List<string> passed, DateTimeOffset now, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().Include(l => l.CustomValues).FirstAsync(l => l.Id == application.LeadId, ct);
        var product = await db.LoanProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == application.ProductId, ct);
        var schema = ApplicationConditions.With(await db.CustomFields.AsNoTracking().ToListAsync(ct));
        var path = new ApprovalPath(flow.Definition, schema).Simulate(ApplicationFacts.For(lead, product, application, Shanghai.DateOf(now)), now)
            .Where(n => n.Kind is ApprovalNodeKind.Approve or ApprovalNodeKind.End or ApprovalNodeKind.Notify).ToList();
        var finished = approval.Status is ApprovalInstanceStatus.Approved or ApprovalInstanceStatus.Rejected or ApprovalInstanceStatus.Cancelled;
        // A rejection ends off the simulated path: show the end it really reached.
        if (finished && path.All(n => n.Id != approval.NodeId) && flow.Definition.Nodes.FirstOrDefault(n => n.Id == approval.NodeId) is { } end)
            path = [.. path.Where(n => passed.Contains(n.Id) && n.Kind != ApprovalNodeKind.End), end];
        return path.Select(n => new ApprovalProgressStep(n.Id, n.Name,
            n.Id == approval.NodeId ? (finished ? ApprovalStepState.Done : ApprovalStepState.Current)
            : passed.Contains(n.Id) ? ApprovalStepState.Done : ApprovalStepState.Ahead)).ToList();
    }
}
