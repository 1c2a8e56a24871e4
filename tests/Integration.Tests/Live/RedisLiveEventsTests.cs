using LoanSaaS.Infrastructure.Live;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Live;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace LoanSaaS.Integration.Tests.Live;

/// <summary>Two nodes, each with its own Redis connection and local subscribers, share live events through a real Redis.</summary>
public sealed class RedisLiveEventsTests
{
    private static async Task<(RedisLiveEvents Events, IConnectionMultiplexer Redis)> NodeAsync()
    {
        await TestServers.RequireRedisAsync();
        var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        return (new RedisLiveEvents(redis, new InMemoryLiveEvents(NullLogger<InMemoryLiveEvents>.Instance)), redis);
    }

    [Fact]
    public async Task An_event_published_on_one_node_reaches_subscribers_on_the_other_and_only_on_its_topic()
    {
        var (nodeA, redisA) = await NodeAsync();
        var (nodeB, redisB) = await NodeAsync();
        using (redisA)
        using (redisB)
        {
            var agencyA = Guid.NewGuid();
            var received = new TaskCompletionSource<LiveMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            var otherAgency = 0;
            using var sub = nodeB.Subscribe(new LiveTopic(agencyA, "board:1"), m => { received.TrySetResult(m); return Task.CompletedTask; });
            using var foreign = nodeB.Subscribe(new LiveTopic(Guid.NewGuid(), "board:1"), _ => { Interlocked.Increment(ref otherAgency); return Task.CompletedTask; });

            await nodeA.PublishAsync(new LiveTopic(agencyA, "board:1"), new LiveMessage("moved", new Dictionary<string, string> { ["card"] = "42" }));

            var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("moved", message.Kind);
            Assert.Equal("42", message["card"]);
            await Task.Delay(200);
            Assert.Equal(0, otherAgency);
        }
    }

    [Fact]
    public async Task An_unsubscribed_handler_receives_nothing()
    {
        var (node, redis) = await NodeAsync();
        using (redis)
        {
            var topic = new LiveTopic(Guid.NewGuid(), "dashboard");
            var count = 0;
            var sub = node.Subscribe(topic, _ => { Interlocked.Increment(ref count); return Task.CompletedTask; });
            var probe = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var probeSub = node.Subscribe(topic, _ => { probe.TrySetResult(); return Task.CompletedTask; });
            sub.Dispose();

            await node.PublishAsync(topic, new LiveMessage("changed"));

            await probe.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(100);
            Assert.Equal(0, count);
        }
    }
}
