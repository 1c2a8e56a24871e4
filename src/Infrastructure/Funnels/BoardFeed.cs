using System.Collections.Concurrent;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using LoanSaaS.Tenancy.Live;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Funnels;

/// <param name="Card">The card as it is now, unscoped (each viewer decides whether it may see it); null when it left the board.</param>
public sealed record BoardMove(CardMoved Move, BoardCard? Card);

/// <summary>
/// The moves of a board, read once per node: one live subscription per board and one query per move however many
/// people on this node look at the board; each viewer then applies the move to its own board (its scope decides).
/// Without it, every viewer re-read the card and its columns' totals: 100 viewers took 400 ms (bench/Boards).
/// </summary>
public sealed class BoardFeed(ILiveEvents live, TenantScopes scopes)
{
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Board), Feed> _feeds = new();
    private readonly Lock _lock = new();

    public IDisposable Watch(TenantInfo tenant, Guid boardId, Func<BoardMove, Task> handler)
    {
        lock (_lock)
        {
            var feed = _feeds.GetOrAdd((tenant.Id, boardId), _ => new Feed(live, this, tenant, boardId));
            var id = feed.Add(handler);
            return new Unwatch(() =>
            {
                lock (_lock)
                {
                    if (!feed.Remove(id)) return;
                    _feeds.TryRemove((tenant.Id, boardId), out _);
                    feed.Dispose();
                }
            });
        }
    }

    private async Task<BoardCard?> ReadAsync(TenantInfo tenant, Guid boardId, Guid leadId)
    {
        await using var scope = scopes.Begin(tenant);
        await using var db = scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().Create();
        var onBoard = db.Leads.Where(l => l.Id == leadId && l.Status == LeadStatus.Active
            && db.FunnelStages.Any(s => s.Id == l.StageId && s.BoardId == boardId && !s.IsArchived));
        return (await BoardReads.WithApplicationsAsync(db, await BoardReads.CardsAsync(db, onBoard, 0, 1, default), default)).SingleOrDefault();
    }

    private sealed class Feed : IDisposable
    {
        private readonly ConcurrentDictionary<Guid, Func<BoardMove, Task>> _handlers = new();
        private readonly IDisposable _subscription;

        public Feed(ILiveEvents live, BoardFeed owner, TenantInfo tenant, Guid boardId) =>
            _subscription = live.Subscribe(BoardEvents.Topic(tenant.Id, boardId), async message =>
            {
                if (BoardEvents.ReadMoved(message) is not { } moved || _handlers.IsEmpty) return;
                var change = new BoardMove(moved, await owner.ReadAsync(tenant, boardId, moved.LeadId));
                await Task.WhenAll(_handlers.Values.Select(handler => handler(change)));
            });

        public Guid Add(Func<BoardMove, Task> handler)
        {
            var id = Guid.NewGuid();
            _handlers[id] = handler;
            return id;
        }

        /// <summary>True when it was the last handler.</summary>
        public bool Remove(Guid id) => _handlers.TryRemove(id, out _) && _handlers.IsEmpty;

        public void Dispose() => _subscription.Dispose();
    }

    private sealed class Unwatch(Action unwatch) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) unwatch();
        }
    }
}
