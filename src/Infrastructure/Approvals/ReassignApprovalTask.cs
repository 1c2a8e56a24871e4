using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>
/// Hands an open approval task to another active member (needs ManageTeam or ManageSettings); the history records who
/// moved it from whom to whom. Refusals: Task.NotFound / Closed / SelfApproval, Reassign.NotMember / AlreadyApprover, ChangedByOthers.
/// </summary>
public sealed class ReassignApprovalTask(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, ApprovalRuntime runtime, ILiveEvents live, TimeProvider time)
{
    public static async Task<CurrentUser> RequireAdminAsync(ICurrentUserAccessor current, CancellationToken ct)
    {
        var user = await current.GetAsync(ct) ?? throw new AccessDeniedException("Not signed in.");
        return user.Can(Permission.ManageTeam) || user.Can(Permission.ManageSettings) ? user : throw new AccessDeniedException("Missing permission ManageTeam.");
    }

    public async Task<Result> HandleAsync(Guid taskId, string toUserId, CancellationToken ct)
    {
        var user = await RequireAdminAsync(current, ct);
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var task = await db.ApprovalTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return Result.Fail([ApprovalAccess.TaskNotFound]);
        if (task.Status != ApprovalTaskStatus.Open) return Result.Fail(ApprovalError.TaskClosed.Field, ApprovalError.TaskClosed.Code);
        var approval = await db.ApplicationApprovals.FirstAsync(a => a.Id == task.ApprovalId, ct);
        var application = await db.LoanApplications.FirstAsync(a => a.Id == task.ApplicationId, ct);
        var flow = await db.ApprovalFlows.AsNoTracking().FirstAsync(f => f.Id == approval.FlowVersionId, ct);
        var applied = await runtime.ApplyAsync(db, application, approval, flow, new ApprovalTaskReassigned(task.Id, toUserId, user.UserId),
            new AuditActor(user.UserId, user.FullName), now, ct);
        if (applied.Value is not { } change) return applied;
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return refused;
        await change.PublishAsync(live, tenant.Required.Id, ct);
        return Result.Ok();
    }
}
