using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Audit;

/// <summary>
/// One page of the audit log, newest first. <see cref="Entity"/> is an entity id or a lead/customer number;
/// <see cref="Actor"/> matches the actor's name (contains) or id; dates are Shanghai calendar days, both inclusive.
/// </summary>
public sealed record AuditQuery(int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public string? Action { get; init; }
    public string? EntityType { get; init; }
    public string? Entity { get; init; }
    public string? Actor { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

/// <summary>An audit entry as listed; <see cref="EntityLabel"/> is the lead's number when the entity is a lead.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string ActorName, string Action, string EntityType, string? EntityId, string? EntityLabel, string? Details);

public sealed record AuditEntriesPage(IReadOnlyList<AuditRow> Rows, int Total);

public sealed class ListAuditEntries(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public async Task<AuditEntriesPage> HandleAsync(AuditQuery query, CancellationToken ct)
    {
        await current.RequireAsync(Permission.ViewAuditLog, ct);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var page = Math.Max(query.Page, 0);
        await using var db = contexts.Create();

        var entries = db.AuditEntries.AsNoTracking();
        if (Text(query.Action) is { } action) entries = entries.Where(e => e.Action == action);
        if (Text(query.EntityType) is { } type) entries = entries.Where(e => e.EntityType == type);
        if (Text(query.Entity) is { } entity)
        {
            var ids = await LeadIdsOfNumberAsync(db, entity, ct);
            entries = entries.Where(e => e.EntityId == entity || ids.Contains(e.EntityId!));
        }
        if (Text(query.Actor) is { } actor) entries = entries.Where(e => e.ActorId == actor || e.ActorName.Contains(actor));
        if (query.From is { } from)
        {
            var start = Shanghai.StartOfDayUtc(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = Shanghai.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        var total = await entries.CountAsync(ct);
        // Ids follow the chain, which follows time: ordering by id is newest-first and uses the primary key.
        var rows = await entries.OrderByDescending(e => e.Id).Skip(page * size).Take(size)
            .Select(e => new AuditRow(e.Id, e.At, e.ActorName, e.Action, e.EntityType, e.EntityId, null, e.Details))
            .ToListAsync(ct);
        return new AuditEntriesPage(await WithLeadNumbersAsync(db, rows, ct), total);
    }

    private static async Task<List<string>> LeadIdsOfNumberAsync(AgencyDbContext db, string number, CancellationToken ct) =>
        (await db.Leads.AsNoTracking().Where(l => l.Number == number || l.CustomerNumber == number).Select(l => l.Id).ToListAsync(ct))
            .Select(id => id.ToString()).ToList();

    private static async Task<IReadOnlyList<AuditRow>> WithLeadNumbersAsync(AgencyDbContext db, List<AuditRow> rows, CancellationToken ct)
    {
        var leadIds = rows.Where(r => r.EntityType == "lead" && Guid.TryParse(r.EntityId, out _)).Select(r => Guid.Parse(r.EntityId!)).Distinct().ToList();
        if (leadIds.Count == 0) return rows;
        var numbers = (await db.Leads.AsNoTracking().Where(l => leadIds.Contains(l.Id)).Select(l => new { l.Id, l.Number }).ToListAsync(ct))
            .ToDictionary(l => l.Id.ToString(), l => l.Number);
        return rows.Select(r => r.EntityType == "lead" && r.EntityId is { } id && numbers.TryGetValue(id, out var n) ? r with { EntityLabel = n } : r).ToList();
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
