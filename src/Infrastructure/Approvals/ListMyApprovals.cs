using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

public enum ApprovalInboxTab
{
    /// <summary>待我审批: open tasks of the member and of those who delegated to them today.</summary>
    Pending,

    /// <summary>我已审批: tasks the member decided (also as a delegate).</summary>
    Decided,

    /// <summary>抄送我: applications a notify node copied the member on.</summary>
    Copied,
}

/// <summary>One approver's place at a node: countersign items list every one of them.</summary>
public sealed record ApprovalSigner(string Name, ApprovalTaskStatus Status);

/// <param name="TaskId">Null on 抄送我.</param>
/// <param name="OnBehalfOfName">On 待我审批: whose task a delegate sees; on 我已审批: whom the member decided for.</param>
public sealed record ApprovalInboxItem(Guid? TaskId, Guid ApplicationId, string ApplicationNumber, string CustomerName, string ProductName, decimal AmountWan,
    string StepName, ApplicationStatus Status, DateTimeOffset Since, DateTimeOffset? DueAt, ApprovalTaskStatus? TaskStatus, string? OnBehalfOfName,
    ApprovalMode Mode, IReadOnlyList<ApprovalSigner> Signers, string? Comment);

/// <summary>
/// 我的审批: one tab of the signed-in member's approval inbox, newest first (pending: longest waiting first), at most
/// <see cref="Take"/>. Only this agency's rows exist here, and only the member's (or their delegators') tasks are read.
/// </summary>
public sealed class ListMyApprovals(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public const int Take = 100;

    public async Task<IReadOnlyList<ApprovalInboxItem>> HandleAsync(ApprovalInboxTab tab, CancellationToken ct)
    {
        var user = await current.GetAsync(ct) ?? throw new Common.AccessDeniedException("Not signed in.");
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        List<(ApprovalTask? Task, Guid ApplicationId, DateTimeOffset Since)> picked;
        if (tab == ApprovalInboxTab.Copied)
        {
            var copies = await db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId && n.Kind == NotificationKind.ApprovalCopied)
                .OrderByDescending(n => n.Id).Take(Take).Select(n => new { n.Detail, n.CreatedAt }).ToListAsync(ct);
            picked = copies.Where(c => Guid.TryParse(c.Detail, out _)).Select(c => ((ApprovalTask?)null, Guid.Parse(c.Detail!), c.CreatedAt)).ToList();
        }
        else
        {
            var mine = await ApprovalAccess.ApproverIdsForAsync(db, user.UserId, now, ct);
            var tasks = tab == ApprovalInboxTab.Pending
                ? await db.ApprovalTasks.AsNoTracking().Where(t => t.Status == ApprovalTaskStatus.Open && mine.Contains(t.ApproverId)).OrderBy(t => t.CreatedAt).Take(Take).ToListAsync(ct)
                : await db.ApprovalTasks.AsNoTracking().Where(t => t.DecidedById == user.UserId).OrderByDescending(t => t.ClosedAt).Take(Take).ToListAsync(ct);
            picked = tasks.Select(t => ((ApprovalTask?)t, t.ApplicationId, t.CreatedAt)).ToList();
        }

        var ids = picked.Select(p => p.ApplicationId).Distinct().ToList();
        var applications = await (from a in db.LoanApplications.AsNoTracking()
                                  where ids.Contains(a.Id)
                                  join l in db.Leads on a.LeadId equals l.Id
                                  join p in db.LoanProducts on a.ProductId equals p.Id into products
                                  from p in products.DefaultIfEmpty()
                                  select new { a.Id, a.Number, Customer = l.Name, Product = p == null ? "" : p.Name, a.AmountWan, a.CurrentStep, a.Status })
            .ToDictionaryAsync(a => a.Id, ct);
        var approvals = await db.ApplicationApprovals.AsNoTracking().Where(a => ids.Contains(a.ApplicationId) && a.Status != ApprovalInstanceStatus.Cancelled)
            .Select(a => new { a.Id, a.ApplicationId, a.Round, a.Mode, a.StartedAt }).ToListAsync(ct);
        var approvalIds = approvals.Select(a => a.Id).ToList();
        var roundTasks = await db.ApprovalTasks.AsNoTracking().Where(t => approvalIds.Contains(t.ApprovalId)).Select(t => new { t.ApprovalId, t.Round, t.ApproverId, t.Status, t.CreatedAt }).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        string Name(string? id) => id is not null && names.TryGetValue(id, out var n) ? n : "";

        var items = new List<ApprovalInboxItem>();
        foreach (var (task, applicationId, since) in picked)
        {
            if (!applications.TryGetValue(applicationId, out var a)) continue;
            var approval = approvals.Where(x => x.ApplicationId == applicationId).OrderByDescending(x => x.StartedAt).FirstOrDefault();
            var round = task?.Round ?? approval?.Round;
            var signers = approval is null ? [] : roundTasks.Where(t => t.ApprovalId == (task?.ApprovalId ?? approval.Id) && t.Round == round && t.Status != ApprovalTaskStatus.Reassigned)
                .OrderBy(t => t.CreatedAt).Select(t => new ApprovalSigner(Name(t.ApproverId), t.Status)).ToList();
            var onBehalfOf = task is null ? null
                : tab == ApprovalInboxTab.Pending ? (task.ApproverId == user.UserId ? null : Name(task.ApproverId))
                : task.OnBehalfOfId is null ? null : Name(task.OnBehalfOfId);
            items.Add(new ApprovalInboxItem(task?.Id, a.Id, a.Number, a.Customer, a.Product, a.AmountWan, task?.NodeName ?? a.CurrentStep ?? "",
                a.Status, task?.ClosedAt ?? since, task?.DueAt, task?.Status, onBehalfOf,
                approval?.Mode ?? ApprovalMode.AnyOne, signers, task?.Comment));
        }

        return items;
    }
}
