using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LoanSaaS.Infrastructure.Live;
using LoanSaaS.Tenancy.Live;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace LoanSaaS.Integration.Tests.Live;

/// <summary>
/// Live events survive a Redis restart: two nodes connected to a private redis-server (Debian's, on its own port, so
/// the suite's shared Redis is never disturbed) keep delivering once the server is back.
/// </summary>
public sealed class RedisRestartTests
{
    [Fact]
    public async Task Events_flow_again_after_redis_restarts()
    {
        var port = FreePort();
        using var server = StartRedis(port);
        var configuration = $"127.0.0.1:{port},abortConnect=false,connectRetry=10,connectTimeout=2000";
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(configuration);
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(configuration);
        var nodeA = new RedisLiveEvents(redisA, new InMemoryLiveEvents(NullLogger<InMemoryLiveEvents>.Instance));
        var nodeB = new RedisLiveEvents(redisB, new InMemoryLiveEvents(NullLogger<InMemoryLiveEvents>.Instance));
        var topic = new LiveTopic(Guid.NewGuid(), "board:restart");
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var _ = nodeB.Subscribe(topic, m => { received.Enqueue(m["n"]!); return Task.CompletedTask; });
        await WaitForSubscriptionAsync(redisB);

        await nodeA.PublishAsync(topic, new LiveMessage("moved", new Dictionary<string, string> { ["n"] = "before" }));
        await WaitUntilAsync(() => received.Contains("before"));

        server.Kill();
        await server.WaitForExitAsync();
        using var restarted = StartRedis(port);
        await WaitUntilAsync(() => redisA.IsConnected && redisB.IsConnected, seconds: 30);
        await WaitForSubscriptionAsync(redisB);

        // The subscription is restored by the client on reconnect; publish until one arrives (the first may race it).
        for (var i = 0; i < 50 && !received.Contains("after"); i++)
        {
            try
            {
                await nodeA.PublishAsync(topic, new LiveMessage("moved", new Dictionary<string, string> { ["n"] = "after" }));
            }
            catch (RedisConnectionException)
            {
            }
            await Task.Delay(200);
        }
        Assert.Contains("after", received);
        restarted.Kill();
    }

    private static Process StartRedis(int port)
    {
        var redis = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (apt-get install redis-server; ./scripts/test.sh installs it).");
        redis.OutputDataReceived += (_, _) => { };
        redis.BeginOutputReadLine();
        return redis;
    }

    private static async Task WaitForSubscriptionAsync(IConnectionMultiplexer redis)
    {
        // PUBSUB NUMSUB answers how many clients listen on the channel the live events use.
        await WaitUntilAsync(() =>
        {
            try
            {
                var result = redis.GetDatabase().Execute("PUBSUB", "NUMSUB", "loansaas:live");
                return (long)((RedisResult[])result!)[1] > 0;
            }
            catch (RedisException)
            {
                return false;
            }
        }, seconds: 30);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, int seconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(seconds)) await Task.Delay(100);
        Assert.True(condition());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
