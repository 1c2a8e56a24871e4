using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>A stuck task (无人处理): open, its approver deactivated or gone.</summary>
public sealed record StuckApprovalTask(Guid TaskId, Guid ApplicationId, string ApplicationNumber, string CustomerName, string NodeName,
    string ApproverId, string? ApproverName, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);

/// <param name="Members">The active members a task can be handed to.</param>
public sealed record StuckApprovalTaskList(IReadOnlyList<StuckApprovalTask> Tasks, IReadOnlyList<(string Id, string Name)> Members);

/// <summary>The open tasks nobody can decide, oldest first, at most 500 (needs ManageTeam or ManageSettings).</summary>
public sealed class ListStuckApprovalTasks(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<StuckApprovalTaskList> HandleAsync(CancellationToken ct)
    {
        await ReassignApprovalTask.RequireAdminAsync(current, ct);
        await using var db = contexts.Create();
        var tasks = await (from t in ApprovalAccess.Stuck(db)
                      join a in db.LoanApplications on t.ApplicationId equals a.Id
                      join l in db.Leads on a.LeadId equals l.Id
                      orderby t.CreatedAt
                      select new StuckApprovalTask(t.Id, a.Id, a.Number, l.Name, t.NodeName, t.ApproverId,
                          db.Users.Where(u => u.Id == t.ApproverId).Select(u => u.FullName).FirstOrDefault(), t.CreatedAt, t.DueAt))
            .Take(500).ToListAsync(ct);
        var members = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
        return new StuckApprovalTaskList(tasks, members.Select(m => (m.Id, m.FullName)).ToList());
    }
}
