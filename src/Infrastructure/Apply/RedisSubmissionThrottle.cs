using StackExchange.Redis;

namespace LoanSaaS.Infrastructure.Apply;

/// <summary>The multi-node throttle: INCR + PEXPIRE in one script, so all nodes count into the same Redis key.</summary>
public sealed class RedisSubmissionThrottle(IConnectionMultiplexer redis) : ISubmissionThrottle
{
    private const string Prefix = "loansaas:throttle:";

    // The expiry is set with the first count of a window, atomically, so a key can never be left without one.
    private static readonly LuaScript Script = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) if n == 1 then redis.call('PEXPIRE', @key, @ms) end return n");

    public async Task<bool> TryAcquireAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        var count = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script,
            new { key = (RedisKey)(Prefix + key), ms = (long)window.TotalMilliseconds });
        return count <= limit;
    }
}
