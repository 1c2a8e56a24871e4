using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Outbox;

public sealed record OutboxRow(long Id, OutboxChannel Channel, string? RecipientMasked, string Body, OutboxStatus Status, int Attempts, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? RuleName, Guid? LeadId);

public sealed record OutboxPage(IReadOnlyList<OutboxRow> Items, int Total);

/// <summary>发送记录: the agency's SMS and email, newest first, recipients masked (needs ManageSettings).</summary>
public sealed class ListOutboxMessages(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public const int PageSize = 20;

    public async Task<OutboxPage> HandleAsync(int page, CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var total = await db.OutboxMessages.CountAsync(ct);
        var items = await (from m in db.OutboxMessages.AsNoTracking()
                           join r in db.AutomationRules.AsNoTracking() on m.RuleId equals r.Id into rules
                           from r in rules.DefaultIfEmpty()
                           orderby m.Id descending
                           select new OutboxRow(m.Id, m.Channel, m.Recipient.Masked, m.Body, m.Status, m.Attempts, m.Error, m.CreatedAt, m.SentAt, r == null ? null : r.Name, m.LeadId))
            .Skip(Math.Max(0, page) * PageSize).Take(PageSize).ToListAsync(ct);
        return new OutboxPage(items, total);
    }
}
