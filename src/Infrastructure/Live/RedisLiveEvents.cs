using System.Text.Json;
using LoanSaaS.Tenancy.Live;
using StackExchange.Redis;

namespace LoanSaaS.Infrastructure.Live;

/// <summary>
/// Live events across nodes over Redis pub/sub. Every node, the publisher included, receives each message from Redis
/// and fans it out to its own subscribers, so all nodes see the same order.
/// </summary>
public sealed class RedisLiveEvents : ILiveEvents
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("loansaas:live");
    private readonly IConnectionMultiplexer _redis;
    private readonly InMemoryLiveEvents _local;

    public RedisLiveEvents(IConnectionMultiplexer redis, InMemoryLiveEvents local)
    {
        _redis = redis;
        _local = local;
        _redis.GetSubscriber().Subscribe(Channel, (_, value) =>
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((string)value!);
            if (envelope is not null) _local.Deliver(envelope.Topic, new LiveMessage(envelope.Kind, envelope.Data));
        });
    }

    public async Task PublishAsync(LiveTopic topic, LiveMessage message, CancellationToken ct = default) =>
        await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Envelope(topic.ToString(), message.Kind, message.Data)));

    public IDisposable Subscribe(LiveTopic topic, Func<LiveMessage, Task> handler) => _local.Subscribe(topic, handler);

    private sealed record Envelope(string Topic, string Kind, IReadOnlyDictionary<string, string>? Data);
}
