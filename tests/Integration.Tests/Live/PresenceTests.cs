using LoanSaaS.Infrastructure.Live;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Live;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace LoanSaaS.Integration.Tests.Live;

/// <summary>Who is looking at a board: on one node in memory, across two nodes through a real Redis.</summary>
public sealed class PresenceTests
{
    private static readonly LiveTopic Board = new(Guid.NewGuid(), "board:" + Guid.NewGuid().ToString("N"));

    private static async Task<(IPresence Presence, ILiveEvents Live, IConnectionMultiplexer Redis)> RedisNodeAsync()
    {
        await TestServers.RequireRedisAsync();
        var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var live = new RedisLiveEvents(redis, new InMemoryLiveEvents(NullLogger<InMemoryLiveEvents>.Instance));
        return (new RedisPresence(redis, live, TimeProvider.System, NullLogger<RedisPresence>.Instance), live, redis);
    }

    [Fact]
    public async Task In_memory_presence_lists_each_person_once_and_announces_joins_and_leaves()
    {
        var live = new InMemoryLiveEvents(NullLogger<InMemoryLiveEvents>.Instance);
        var presence = new InMemoryPresence(live);
        var announced = 0;
        using var _ = live.Subscribe(Board, m => { if (m.Kind == IPresence.Changed.Kind) Interlocked.Increment(ref announced); return Task.CompletedTask; });

        var first = await presence.JoinAsync(Board, "tab1", new PresenceEntry("u1", "王强"), default);
        var second = await presence.JoinAsync(Board, "tab2", new PresenceEntry("u1", "王强"), default);
        var other = await presence.JoinAsync(Board, "tab3", new PresenceEntry("u2", "刘洋"), default);

        Assert.Equal(["王强", "刘洋"], (await presence.ListAsync(Board, default)).Select(p => p.Name));
        Assert.Empty(await presence.ListAsync(Board with { TenantId = Guid.NewGuid() }, default));
        await first.DisposeAsync();
        await first.DisposeAsync();
        Assert.Equal(2, (await presence.ListAsync(Board, default)).Count);
        await second.DisposeAsync();
        await other.DisposeAsync();
        Assert.Empty(await presence.ListAsync(Board, default));
        await WaitUntilAsync(() => Volatile.Read(ref announced) == 6);
    }

    [Fact]
    public async Task Two_nodes_see_each_others_viewers_through_redis_and_a_dead_nodes_viewer_expires()
    {
        var (a, liveA, redisA) = await RedisNodeAsync();
        var (b, _, redisB) = await RedisNodeAsync();
        using (redisA)
        using (redisB)
        {
            var topic = Board with { Name = "board:" + Guid.NewGuid().ToString("N") };
            var announcedOnA = 0;
            using var _ = liveA.Subscribe(topic, m => { if (m.Kind == IPresence.Changed.Kind) Interlocked.Increment(ref announcedOnA); return Task.CompletedTask; });

            var onA = await a.JoinAsync(topic, "tabA", new PresenceEntry("u1", "王强"), default);
            var onB = await b.JoinAsync(topic, "tabB", new PresenceEntry("u2", "刘洋"), default);

            Assert.Equal(["王强", "刘洋"], (await a.ListAsync(topic, default)).Select(p => p.Name));
            Assert.Equal(["王强", "刘洋"], (await b.ListAsync(topic, default)).Select(p => p.Name));
            await WaitUntilAsync(() => Volatile.Read(ref announcedOnA) >= 2);

            // A node that died without leaving: its member's expiry passes and it is no longer listed.
            await redisA.GetDatabase().SortedSetAddAsync("loansaas:presence:" + topic, $"0\ndead\nu3\n李娜", DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds());
            Assert.DoesNotContain("李娜", (await b.ListAsync(topic, default)).Select(p => p.Name));

            await onB.DisposeAsync();
            Assert.Equal(["王强"], (await a.ListAsync(topic, default)).Select(p => p.Name));
            await onA.DisposeAsync();
            Assert.Empty(await b.ListAsync(topic, default));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }
}
