using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Assignment;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Leads;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>
/// Each action kind on a tracked lead, under the same rules as the people's use cases (edit values, board moves,
/// assignment). An action answers null when it ran (or had nothing to do), else an error code that fails the run.
/// </summary>
internal static class AutomationActions
{
    public static Task<string?> ApplyAsync(RunContext run, AutomationAction action, AuditLog audit, CancellationToken ct) => action.Kind switch
    {
        ActionKind.Notify => NotifyAsync(run, action, ct),
        ActionKind.CreateTask => CreateTaskAsync(run, action, audit, ct),
        ActionKind.SetField => Task.FromResult(SetField(run, action)),
        ActionKind.AddTag or ActionKind.RemoveTag => Task.FromResult(Tag(run, action)),
        ActionKind.MoveStage => MoveAsync(run, action, audit, ct),
        ActionKind.Assign => AssignAsync(run, action, audit, ct),
        ActionKind.SendSms or ActionKind.SendEmail => OutboxActions.QueueAsync(run, action, ct),
        _ => Task.FromResult<string?>("Action.Invalid"),
    };

    /// <summary>"rule｜text" (the text names the lead through its placeholders), or "rule｜lead" without a text; cut to the subject's length.</summary>
    public static string Subject(RunContext run, string? text)
    {
        var subject = run.Rule.Name + "｜" + (string.IsNullOrEmpty(text) ? run.Lead.Name : text);
        return subject.Length > 255 ? subject[..255] : subject;
    }

    public static async Task<string> FillAsync(RunContext run, string template, CancellationToken ct)
    {
        var owner = run.Lead.OwnerId is { } id ? await run.Db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct) : null;
        return MessageTemplate.Fill(template, run.Lead.Name, run.Lead.Number, owner, run.Lead.City, run.Rule.Name);
    }

    private static async Task<string?> NotifyAsync(RunContext run, AutomationAction action, CancellationToken ct)
    {
        var recipients = await AutomationRecipients.ResolveAsync(run.Db, run.Lead, action.Target, ct);
        var text = string.IsNullOrWhiteSpace(action.Value) ? null : await FillAsync(run, action.Value.Trim(), ct);
        foreach (var user in recipients.Distinct())
        {
            var notification = new Notification { UserId = user, Kind = NotificationKind.AutomationNotice, LeadId = run.Lead.Id, Subject = Subject(run, text), CreatedAt = run.Now };
            run.Db.Notifications.Add(notification);
            run.Notifications.Add(notification);
            run.Did = true;
        }
        return null;
    }

    /// <summary>A to-do is the lead's next follow-up, which the owner's 我的待办 lists: moved earlier to the due time, never later.</summary>
    private static async Task<string?> CreateTaskAsync(RunContext run, AutomationAction action, AuditLog audit, CancellationToken ct)
    {
        var lead = run.Lead;
        if (lead.OwnerId is null || lead.Status != LeadStatus.Active) return "NoOwner";
        var due = run.Now.AddHours(action.Hours ?? 0);
        var note = await FillAsync(run, action.Value?.Trim() ?? "", ct);
        if (lead.NextFollowUpAt is null || lead.NextFollowUpAt > due)
        {
            run.Changes.Add(new FieldChange(nameof(Lead.NextFollowUpAt), LeadChanges.Text(lead.NextFollowUpAt), LeadChanges.Text(due)));
            lead.NextFollowUpAt = due;
            run.LeadChanged = true;
        }
        audit.Add(run.Db, run.Actor, "lead.task", "lead", lead.Id.ToString(), new { note, due, owner = lead.OwnerId });
        var notification = new Notification { UserId = lead.OwnerId, Kind = NotificationKind.AutomationTask, LeadId = lead.Id, Subject = Subject(run, note), CreatedAt = run.Now };
        run.Db.Notifications.Add(notification);
        run.Notifications.Add(notification);
        run.Did = true;
        return null;
    }

    private static string? SetField(RunContext run, AutomationAction action)
    {
        var (change, error) = AutomationFieldValues.Apply(run.Lead, action.Field ?? "", action.Value, run.Dictionaries, run.Fields, run.Protector, run.Now);
        if (error is not null) return error;
        if (change is null) return null;
        run.Changes.Add(change);
        run.LeadChanged = run.Did = true;
        return null;
    }

    private static string? Tag(RunContext run, AutomationAction action)
    {
        var lead = run.Lead;
        var tag = action.Value!.Trim();
        var before = LeadChanges.Tags(lead);
        if (action.Kind == ActionKind.AddTag)
        {
            if (lead.Tags.Any(t => t.Tag == tag)) return null;
            if (lead.Tags.Count >= LeadTag.MaxPerLead) return "Tags.TooMany";
            lead.Tags.Add(new LeadTag { LeadId = lead.Id, Tag = tag });
        }
        else if (lead.Tags.RemoveAll(t => t.Tag == tag) == 0) return null;
        var after = LeadChanges.Tags(lead);
        run.Changes.Add(new FieldChange(nameof(Lead.Tags), before.Length == 0 ? null : before, after.Length == 0 ? null : after));
        run.LeadChanged = run.Did = true;
        return null;
    }

    /// <summary>The board move's rules (<see cref="CardMoveRules"/>): same board or a first stage elsewhere, not archived, requirements, WIP limit.</summary>
    private static async Task<string?> MoveAsync(RunContext run, AutomationAction action, AuditLog audit, CancellationToken ct)
    {
        var lead = run.Lead;
        if (lead.Status != LeadStatus.Active) return "Lead.NotActive";
        if (!Guid.TryParse(action.Target, out var stageId) || await run.Db.FunnelStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId, ct) is not { } to)
            return "Stage.NotFound";
        if (lead.StageId == to.Id) return null;
        var from = lead.StageId is { } f ? await run.Db.FunnelStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == f, ct) : null;
        var inTarget = to.WipLimit is null ? 0 : await run.Db.Leads.CountAsync(l => l.StageId == to.Id && l.Status == LeadStatus.Active, ct);
        var check = CardMoveRules.Check(lead, lead.Version, from, to, inTarget);
        if (!check.IsAllowed) return "Stage." + check.Refusal;
        lead.EnterStage(to.Id, run.Now);
        run.Db.LeadStageChanges.Add(new LeadStageChange
        {
            LeadId = lead.Id, BoardId = to.BoardId, FromStageId = from?.Id, ToStageId = to.Id, MovedById = run.Actor.Id!, MovedByName = run.Actor.Name, MovedAt = run.Now,
        });
        audit.Add(run.Db, run.Actor, "lead.moved", "lead", lead.Id.ToString(), new { from = from?.Name, to = to.Name });
        run.Moves.Add((to.BoardId, from?.Id, from?.BoardId));
        run.LeadChanged = run.Did = true;
        return null;
    }

    /// <summary>"rules": the assignment rules decide as for a new lead; "user:{id}": that member; "team:{id}": the team's available member holding the fewest open leads.</summary>
    private static async Task<string?> AssignAsync(RunContext run, AutomationAction action, AuditLog audit, CancellationToken ct)
    {
        var lead = run.Lead;
        if (lead.Status is not (LeadStatus.Active or LeadStatus.PublicPool)) return "Lead.NotActive";
        var db = run.Db;
        var today = Domain.Time.Shanghai.DateOf(run.Now);
        var available = db.Users.AsNoTracking().Where(u => u.IsActive && (u.AwayUntil == null || u.AwayUntil < today));
        string? owner = null;
        Guid? team = null;
        switch (action.Target)
        {
            case "rules":
                if (await LeadAssigner.PlanAsync(db, run.Now, ct) is not { } plan) return "Assign.NoRule";
                // The rules pick the member as for a chosen lead; the hand-over itself is written below, as for the other targets.
                var previous = (lead.OwnerId, lead.TeamId, lead.Status, lead.AssignedAt, lead.ReclaimWarnedFor);
                var assigned = await LeadAssigner.ReassignAsync(plan, run.Contexts, [lead], run.Now, ct);
                var decided = assigned.Count > 0 ? assigned[0] : null;
                (lead.OwnerId, lead.TeamId, lead.Status, lead.AssignedAt, lead.ReclaimWarnedFor) = previous;
                if (decided?.OwnerId is null) return "Assign.NoMember";
                owner = decided.OwnerId;
                team = await available.Where(u => u.Id == owner).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
                break;
            case { } user when user.StartsWith("user:", StringComparison.Ordinal):
                var id = user[5..];
                if (await available.Where(u => u.Id == id).Select(u => new { u.Id, u.TeamId }).FirstOrDefaultAsync(ct) is not { } member) return "Assign.NoMember";
                (owner, team) = (member.Id, member.TeamId);
                break;
            case { } t when t.StartsWith("team:", StringComparison.Ordinal) && Guid.TryParse(t[5..], out var teamId):
                var members = await available.Where(u => u.TeamId == teamId).Select(u => u.Id).ToListAsync(ct);
                if (members.Count == 0) return "Assign.NoMember";
                var load = await db.Leads.AsNoTracking().OpenCountsByOwnerAsync(members, ct);
                owner = members.OrderBy(m => load.GetValueOrDefault(m)).ThenBy(m => m, StringComparer.Ordinal).First();
                team = teamId;
                break;
            default:
                return "Action.Invalid";
        }
        if (owner == lead.OwnerId && lead.Status == LeadStatus.Active) return null;
        var names = await db.Users.AsNoTracking().Where(u => u.Id == owner || u.Id == lead.OwnerId).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        audit.Add(db, run.Actor, "lead.assigned", "lead", lead.Id.ToString(), new
        {
            from = lead.OwnerId is { } old ? names.GetValueOrDefault(old) : null, to = names.GetValueOrDefault(owner!), toId = owner, reason = run.Rule.Name,
        });
        lead.AssignTo(owner, team, run.Now);
        lead.Status = LeadStatus.Active;
        var notification = new Notification { UserId = owner!, Kind = NotificationKind.LeadAssigned, LeadId = lead.Id, Subject = lead.Name, CreatedAt = run.Now };
        db.Notifications.Add(notification);
        run.Notifications.Add(notification);
        run.LeadChanged = run.Did = true;
        return null;
    }
}
