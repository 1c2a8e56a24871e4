using System.Collections.Concurrent;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>What an agency's enabled event rules listen to: trigger kinds, and the fields of "field changed" rules.</summary>
public sealed record Listening(IReadOnlySet<TriggerKind> Kinds, IReadOnlySet<string> Fields)
{
    public static readonly Listening Nothing = new(new HashSet<TriggerKind>(), new HashSet<string>());

    public bool IsEmpty => Kinds.Count == 0;

    public bool Wants(TriggerKind kind, string? detail) =>
        Kinds.Contains(kind) && (kind != TriggerKind.FieldChanged || (detail is not null && Fields.Contains(detail)));
}

/// <summary>
/// Per agency, what its event rules listen to, read at most every <see cref="Lifetime"/> (so saves of an agency
/// without rules cost no query) and forgotten at once on this node when a rule changes; other nodes follow within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class AutomationTriggerCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, (long ReadAt, Listening Listening)> _agencies = new();

    public async ValueTask<Listening> GetAsync(Guid agencyId, AgencyDbContext db, CancellationToken ct)
    {
        var now = Environment.TickCount64;
        if (_agencies.TryGetValue(agencyId, out var cached) && now - cached.ReadAt < Lifetime.TotalMilliseconds) return cached.Listening;
        var rules = await db.AutomationRules.AsNoTracking().Where(r => r.IsEnabled && !r.IsArchived)
            .Select(r => new { r.Trigger, r.TriggerField }).ToListAsync(ct);
        var events = rules.Where(r => !AutomationTriggers.IsTimeBased(r.Trigger)).ToList();
        var listening = events.Count == 0 ? Listening.Nothing : new Listening(events.Select(r => r.Trigger).ToHashSet(),
            events.Where(r => r.Trigger == TriggerKind.FieldChanged && r.TriggerField is not null).Select(r => r.TriggerField!).ToHashSet(StringComparer.Ordinal));
        _agencies[agencyId] = (now, listening);
        return listening;
    }

    public void Forget(Guid agencyId) => _agencies.TryRemove(agencyId, out _);
}
