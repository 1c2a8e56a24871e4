using LoanSaaS.Tenancy.Catalog;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace LoanSaaS.Web.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static void AddLoanSaaSHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<CatalogHealthCheck>("catalog", tags: [Ready]);
        if (configuration["Redis:Configuration"] is { Length: > 0 })
            checks.AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
    }

    public static void MapLoanSaaSHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ShortCircuit();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).ShortCircuit();
    }

    private sealed class CatalogHealthCheck(CatalogDbContextFactory catalog) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = catalog.Create();
            return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("catalog unreachable");
        }
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (RedisException e)
            {
                return HealthCheckResult.Unhealthy("redis unreachable", e);
            }
        }
    }
}
