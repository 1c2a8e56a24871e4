using System.Collections.Concurrent;

namespace LoanSaaS.Tenancy.Live;

/// <summary>Presence on a single node (the default without Redis).</summary>
public sealed class InMemoryPresence(ILiveEvents live) : IPresence
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (long Order, PresenceEntry Who)>> _topics = new();
    private long _order;

    public async Task<IAsyncDisposable> JoinAsync(LiveTopic topic, string connectionId, PresenceEntry who, CancellationToken ct)
    {
        var viewers = _topics.GetOrAdd(topic.ToString(), _ => new());
        viewers[connectionId] = (Interlocked.Increment(ref _order), who);
        await live.PublishAsync(topic, IPresence.Changed, ct);
        return new PresenceLeave(async () =>
        {
            viewers.TryRemove(connectionId, out _);
            await live.PublishAsync(topic, IPresence.Changed);
        });
    }

    public Task<IReadOnlyList<PresenceEntry>> ListAsync(LiveTopic topic, CancellationToken ct)
    {
        IReadOnlyList<PresenceEntry> list = _topics.TryGetValue(topic.ToString(), out var viewers)
            ? viewers.Values.OrderBy(v => v.Order).Select(v => v.Who).DistinctBy(w => w.UserId).ToList()
            : [];
        return Task.FromResult(list);
    }
}
