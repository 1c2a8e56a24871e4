using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Live;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

/// <summary>What one transition wrote, to announce once its save has committed.</summary>
public sealed record ApprovalChange(Guid ApplicationId, Guid LeadId, IReadOnlyList<Notification> Notifications, IReadOnlyCollection<string> Inboxes)
{
    public async Task PublishAsync(ILiveEvents live, Guid tenantId, CancellationToken ct)
    {
        foreach (var notice in Notifications)
            await live.PublishAsync(NotificationEvents.Topic(tenantId, notice.UserId), NotificationEvents.Created(notice.Id), ct);
        foreach (var user in Inboxes)
            await live.PublishAsync(ApprovalEvents.Inbox(tenantId, user), ApprovalEvents.Changed(ApplicationId), ct);
        await live.PublishAsync(ApprovalEvents.Application(tenantId, ApplicationId), ApprovalEvents.Changed(ApplicationId), ct);
        await live.PublishAsync(LeadEvents.Topic(tenantId), LeadEvents.Changed(1, LeadId), ct);
    }
}

/// <summary>
/// Runs one event of an application's approval through <see cref="ApprovalEngine"/> on the version it is pinned to and
/// writes the effects into <paramref name="db"/> without saving: the approval state (its version token bumped), task
/// rows, a history row per record, the application's status and step, audit entries and bell notifications. The
/// caller saves once (a version conflict means someone else moved first) and then publishes the <see cref="ApprovalChange"/>.
/// </summary>
public sealed class ApprovalRuntime(AuditLog audit)
{
    private sealed record MemberInfo(string Id, string FullName, AgencyRole Role, Guid? TeamId, bool IsActive);

    public async Task<Result<ApprovalChange>> ApplyAsync(AgencyDbContext db, LoanApplication application, ApplicationApproval? approval, ApprovalFlowVersion flow,
        ApprovalEvent e, AuditActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var tasks = approval is null ? [] : await db.ApprovalTasks.Where(t => t.ApprovalId == approval.Id && t.Round == approval.Round).ToListAsync(ct);
        var members = await db.Users.AsNoTracking().Select(u => new MemberInfo(u.Id, u.FullName, u.Role, u.TeamId, u.IsActive)).ToListAsync(ct);
        var context = await ContextAsync(db, application, members, now, ct);
        var schema = ApplicationConditions.With(await db.CustomFields.AsNoTracking().ToListAsync(ct));
        var step = ApprovalEngine.Apply(flow.Definition, new ApprovalPath(flow.Definition, schema), approval?.ToState(tasks), e, context);
        if (step.Error is { } error) return Result<ApprovalChange>.Fail(error.Field, error.Code);

        if (approval is null)
        {
            approval = new ApplicationApproval
            {
                ApplicationId = application.Id, FlowVersionId = flow.Id, FlowKey = flow.FlowKey, FlowVersion = flow.Version, NodeId = step.Instance!.NodeId, StartedAt = now,
            };
            db.ApplicationApprovals.Add(approval);
            application.ApprovalFlowVersionId = flow.Id;
        }
        approval.Take(step.Instance!, now);

        var names = members.ToDictionary(m => m.Id, m => m.FullName);
        var notices = new List<Notification>();
        var inboxes = new HashSet<string>(StringComparer.Ordinal);
        void Tell(string userId, NotificationKind kind)
        {
            if (notices.Any(n => n.UserId == userId && n.Kind == kind)) return;
            notices.Add(new Notification { UserId = userId, Kind = kind, LeadId = application.LeadId, Subject = application.Number, Detail = application.Id.ToString(), CreatedAt = now });
        }

        foreach (var effect in step.Effects)
        {
            switch (effect)
            {
                case TasksOpened opened:
                    foreach (var t in opened.Tasks)
                    {
                        db.ApprovalTasks.Add(new ApprovalTask
                        {
                            Id = t.Id, ApprovalId = approval.Id, ApplicationId = application.Id, NodeId = t.NodeId, NodeName = opened.NodeName, Round = t.Round,
                            ApproverId = t.ApproverId, Status = t.Status, IsEscalation = t.IsEscalation, DueAt = t.DueAt, CreatedAt = now,
                        });
                        Tell(t.ApproverId, NotificationKind.ApprovalTask);
                        inboxes.Add(t.ApproverId);
                    }
                    break;
                case TasksClosed closed:
                    foreach (var t in closed.Tasks)
                    {
                        var row = tasks.Single(r => r.Id == t.Id);
                        (row.Status, row.ClosedAt) = (t.Status, now);
                        inboxes.Add(row.ApproverId);
                    }
                    break;
                case HistoryRecorded { Record: var r }:
                    if (r.TaskId is { } decidedId && r.Action is ApprovalAction.Approved or ApprovalAction.Rejected or ApprovalAction.Returned
                        && tasks.SingleOrDefault(x => x.Id == decidedId) is { } decided)
                        (decided.DecidedById, decided.OnBehalfOfId, decided.Comment) = (r.ActorId, r.OnBehalfOfId, r.Comment);
                    db.ApprovalDecisions.Add(new ApprovalDecision
                    {
                        ApplicationId = application.Id, ApprovalId = approval.Id, TaskId = r.TaskId, FlowVersionId = approval.FlowVersionId, FlowVersion = approval.FlowVersion,
                        NodeId = r.NodeId, NodeName = r.NodeName, Round = r.Round, Action = r.Action, ActorId = r.ActorId, ActorName = Name(names, r.ActorId, actor),
                        OnBehalfOfId = r.OnBehalfOfId, OnBehalfOfName = Name(names, r.OnBehalfOfId, null), Comment = r.Comment,
                        Detail = r.Action == ApprovalAction.Reassigned ? Name(names, r.Detail, null) : r.Detail, At = now,
                    });
                    audit.Add(db, actor, "approval." + r.Action.ToString().ToLowerInvariant(), "application", application.Id.ToString(), new
                    {
                        number = application.Number, node = r.NodeName, round = r.Round, flowVersion = approval.FlowVersion, comment = r.Comment,
                        onBehalfOf = Name(names, r.OnBehalfOfId, null), detail = r.Detail,
                    });
                    break;
                case StepChanged changed:
                    application.CurrentStep = changed.StepName;
                    break;
                case ReturnedToOwner:
                    application.Status = ApplicationStatus.Returned;
                    Tell(application.OwnerId, NotificationKind.ApprovalReturned);
                    break;
                case ApprovalFinished finished:
                    (application.Status, application.DecidedAt) = (finished.Outcome == ApprovalOutcome.Approved ? ApplicationStatus.Approved : ApplicationStatus.Rejected, now);
                    Tell(application.OwnerId, finished.Outcome == ApprovalOutcome.Approved ? NotificationKind.ApprovalApproved : NotificationKind.ApprovalRejected);
                    break;
                case CcNotified cc:
                    foreach (var m in members.Where(m => m.IsActive && (cc.RoleKeys.Contains(AgencyRoles.Key(m.Role)) || cc.UserIds.Contains(m.Id))))
                        Tell(m.Id, NotificationKind.ApprovalCopied);
                    break;
                case ApproversReminded reminded:
                    foreach (var id in reminded.ApproverIds) Tell(id, NotificationKind.ApprovalReminder);
                    break;
            }
        }

        // Countersign colleagues see each signature; everyone at the node sees it move on.
        inboxes.UnionWith(tasks.Select(t => t.ApproverId));
        if (step.Instance!.Status == ApprovalInstanceStatus.Running && application.Status == ApplicationStatus.Returned)
            application.Status = ApplicationStatus.InApproval;
        application.UpdatedAt = now;
        application.Version++;
        db.Notifications.AddRange(notices);

        // Delegates see their delegators' inboxes: theirs change too.
        var today = Shanghai.DateOf(now);
        var owners = inboxes.ToList();
        inboxes.UnionWith(await db.ApprovalDelegations.AsNoTracking()
            .Where(d => owners.Contains(d.FromUserId) && d.ClearedAt == null && d.StartsOn <= today && d.EndsOn >= today).Select(d => d.ToUserId).ToListAsync(ct));
        return Result<ApprovalChange>.Ok(new ApprovalChange(application.Id, application.LeadId, notices, inboxes));
    }

    private static string? Name(Dictionary<string, string> names, string? id, AuditActor? fallback) =>
        id is null ? null : names.TryGetValue(id, out var name) ? name : fallback?.Name;

    private static async Task<ApprovalContext> ContextAsync(AgencyDbContext db, LoanApplication application, List<MemberInfo> members, DateTimeOffset now, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().Include(l => l.CustomValues).FirstAsync(l => l.Id == application.LeadId, ct);
        var product = await db.LoanProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == application.ProductId, ct);
        var facts = ApplicationFacts.For(lead, product, application, Shanghai.DateOf(now));
        var team = application.TeamId ?? members.FirstOrDefault(m => m.Id == application.OwnerId)?.TeamId;
        var active = members.Where(m => m.IsActive).Select(m => new ApprovalMember(m.Id, AgencyRoles.Key(m.Role), m.TeamId)).ToList();
        return new ApprovalContext(now, facts, application.OwnerId, team, active) { SubmitterId = application.SubmittedById };
    }
}
