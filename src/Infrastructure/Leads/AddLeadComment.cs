using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

public sealed record AddLeadCommentRequest(Guid LeadId, string? Text, IReadOnlyList<string> MentionIds);

/// <summary>
/// A colleague comments on a lead in their scope and may mention colleagues who can see it: each mentioned member
/// gets a notification at once (live), and everyone looking at the lead sees the comment in its activity.
/// Refusals: Lead.NotFound, Text.Required / TooLong, Mentions.TooMany / NotAllowed.
/// </summary>
public sealed class AddLeadComment(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(AddLeadCommentRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0) return Result<Guid>.Fail("Text", "Required");
        if (text.Length > LeadComment.MaxLength) return Result<Guid>.Fail("Text", "TooLong");
        var mentions = request.MentionIds.Where(m => !string.IsNullOrWhiteSpace(m) && m != user.UserId).Distinct().ToList();
        if (mentions.Count > LeadComment.MaxMentions) return Result<Guid>.Fail("Mentions", "TooMany");

        await using var db = contexts.Create();
        var lead = await db.Leads.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(l => l.Id == request.LeadId && l.Status != LeadStatus.Merged, ct);
        if (lead is null) return Result<Guid>.Fail([LeadDetailAccess.NotFound]);
        var allowed = (await LeadMentionables.ForAsync(db, lead, ct)).Select(m => m.UserId).ToHashSet();
        if (mentions.Any(m => !allowed.Contains(m))) return Result<Guid>.Fail("Mentions", "NotAllowed");

        var now = time.GetUtcNow();
        var comment = new LeadComment { LeadId = lead.Id, AuthorId = user.UserId, AuthorName = user.FullName, Text = text, MentionIds = mentions, CreatedAt = now };
        db.LeadComments.Add(comment);
        var notifications = mentions.Select(m => new Notification { UserId = m, Kind = NotificationKind.Mentioned, LeadId = lead.Id, Subject = lead.Name, CreatedAt = now }).ToList();
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(ct);

        await live.PublishAsync(LeadEvents.Topic(tenant.Required.Id), LeadEvents.Activity(lead.Id), ct);
        foreach (var notification in notifications)
            await live.PublishAsync(NotificationEvents.Topic(tenant.Required.Id, notification.UserId), NotificationEvents.Created(notification.Id), ct);
        return Result<Guid>.Ok(comment.Id);
    }
}
