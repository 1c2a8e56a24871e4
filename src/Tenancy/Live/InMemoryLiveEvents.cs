using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Tenancy.Live;

/// <summary>Single-node live events. <see cref="Deliver"/> is also the local fan-out of the Redis implementation.</summary>
public sealed class InMemoryLiveEvents(ILogger<InMemoryLiveEvents> logger) : ILiveEvents
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<LiveMessage, Task>>> _subscribers = new();

    public Task PublishAsync(LiveTopic topic, LiveMessage message, CancellationToken ct = default)
    {
        Deliver(topic.ToString(), message);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(LiveTopic topic, Func<LiveMessage, Task> handler)
    {
        var key = topic.ToString();
        var id = Guid.NewGuid();
        // Handlers run on the publisher's thread; render in the subscriber's language, not the publisher's.
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        _subscribers.GetOrAdd(key, _ => new()).TryAdd(id, message =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            return handler(message);
        });
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(key, out var handlers)) handlers.TryRemove(id, out _);
        });
    }

    public void Deliver(string topicKey, LiveMessage message)
    {
        if (!_subscribers.TryGetValue(topicKey, out var handlers)) return;
        foreach (var handler in handlers.Values)
            _ = RunAsync(handler, message, topicKey);
    }

    private async Task RunAsync(Func<LiveMessage, Task> handler, LiveMessage message, string topic)
    {
        try
        {
            await Task.Yield();
            await handler(message);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Live event handler for {Topic} failed", topic);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
