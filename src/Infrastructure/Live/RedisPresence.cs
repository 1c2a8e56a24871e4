using LoanSaaS.Tenancy.Live;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LoanSaaS.Infrastructure.Live;

/// <summary>
/// Presence shared by every node through Redis: one sorted set per topic, a member per browser tab scored by the time
/// it expires. Each node refreshes its own members every 20 s; members of a node that died expire after 60 s.
/// </summary>
public sealed class RedisPresence(IConnectionMultiplexer redis, ILiveEvents live, TimeProvider time, ILogger<RedisPresence> logger) : IPresence
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public async Task<IAsyncDisposable> JoinAsync(LiveTopic topic, string connectionId, PresenceEntry who, CancellationToken ct)
    {
        var key = Key(topic);
        var member = $"{Order()}\n{connectionId}\n{who.UserId}\n{who.Name}";
        await RefreshAsync(key, member);
        await live.PublishAsync(topic, IPresence.Changed, ct);
        var stop = new CancellationTokenSource();
        var heartbeat = BeatAsync(key, member, stop.Token);
        return new PresenceLeave(async () =>
        {
            await stop.CancelAsync();
            await heartbeat;
            stop.Dispose();
            await redis.GetDatabase().SortedSetRemoveAsync(key, member);
            await live.PublishAsync(topic, IPresence.Changed);
        });
    }

    public async Task<IReadOnlyList<PresenceEntry>> ListAsync(LiveTopic topic, CancellationToken ct)
    {
        var members = await redis.GetDatabase().SortedSetRangeByScoreAsync(Key(topic), time.GetUtcNow().ToUnixTimeMilliseconds(), double.PositiveInfinity);
        return members.Select(m => ((string)m!).Split('\n', 4)).Where(p => p.Length == 4)
            .OrderBy(p => p[0], StringComparer.Ordinal).Select(p => new PresenceEntry(p[2], p[3])).DistinctBy(w => w.UserId).ToList();
    }

    private async Task BeatAsync(RedisKey key, string member, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Heartbeat, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await RefreshAsync(key, member);
                }
                catch (RedisException e)
                {
                    logger.LogWarning(e, "Presence heartbeat failed; retrying in {Seconds} s", Heartbeat.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RefreshAsync(RedisKey key, string member)
    {
        var now = time.GetUtcNow();
        var db = redis.GetDatabase();
        await db.SortedSetAddAsync(key, member, now.Add(Lifetime).ToUnixTimeMilliseconds());
        await db.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, now.ToUnixTimeMilliseconds());
        await db.KeyExpireAsync(key, Lifetime * 2);
    }

    // Sortable arrival order: the join time in ticks, zero-padded.
    private string Order() => time.GetUtcNow().UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static RedisKey Key(LiveTopic topic) => "loansaas:presence:" + topic;
}
