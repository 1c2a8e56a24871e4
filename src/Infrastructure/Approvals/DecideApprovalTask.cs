using LoanSaaS.Domain.Approvals;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

public sealed record DecideApprovalTaskRequest(Guid TaskId, ApprovalDecisionKind Decision, string? Comment);

/// <summary>
/// 通过 / 拒绝 / 退回补件 on one approval task, by its approver or their delegate of the day (recorded "由 X 代 Y 审批").
/// A comment is required to reject or return. The decision saves against the approval's version: of two clicks, tabs or
/// nodes deciding the same task one wins and the other is told Task.Closed; a countersign colleague deciding another
/// task at the same moment is retried on the fresh state. Refusals: Task.NotFound / Closed / NotApprover / SelfApproval,
/// Comment.Required / TooLong, Approval.NoApprover, ChangedByOthers.
/// </summary>
public sealed class DecideApprovalTask(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, ApprovalRuntime runtime, ILiveEvents live, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task<Result> HandleAsync(DecideApprovalTaskRequest request, CancellationToken ct)
    {
        var user = await current.GetAsync(ct) ?? throw new AccessDeniedException("Not signed in.");
        if (request.Comment?.Trim().Length > ApprovalTask.MaxCommentLength) return Result.Fail("Comment", "TooLong");
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            await using var db = contexts.Create();
            var now = time.GetUtcNow();
            var task = await db.ApprovalTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.TaskId, ct);
            var mine = await ApprovalAccess.ApproverIdsForAsync(db, user.UserId, now, ct);
            if (task is null || !mine.Contains(task.ApproverId)) return Result.Fail([ApprovalAccess.TaskNotFound]);
            if (task.Status != ApprovalTaskStatus.Open) return Result.Fail(ApprovalError.TaskClosed.Field, ApprovalError.TaskClosed.Code);

            var approval = await db.ApplicationApprovals.FirstAsync(a => a.Id == task.ApprovalId, ct);
            var application = await db.LoanApplications.FirstAsync(a => a.Id == task.ApplicationId, ct);
            var flow = await db.ApprovalFlows.AsNoTracking().FirstAsync(f => f.Id == approval.FlowVersionId, ct);
            var onBehalfOf = task.ApproverId == user.UserId ? null : task.ApproverId;
            var decided = new ApprovalDecided(task.Id, user.UserId, request.Decision, request.Comment?.Trim(), onBehalfOf);
            var applied = await runtime.ApplyAsync(db, application, approval, flow, decided, new AuditActor(user.UserId, user.FullName), now, ct);
            if (applied.Value is not { } change) return applied;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue;
            }

            await change.PublishAsync(live, tenant.Required.Id, ct);
            return Result.Ok();
        }

        return Result.Fail([ConcurrentSave.ChangedByOthers]);
    }
}
