using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoanSaaS.Infrastructure.Apply;

public static class ApplyServices
{
    /// <summary>The public form's limits and throttle: Redis when <c>Redis:Configuration</c> is set (nodes share the counts), else in memory.</summary>
    public static IServiceCollection AddApplyForm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApplyOptions>().Bind(configuration.GetSection("Apply"));
        if (configuration["Redis:Configuration"] is { Length: > 0 })
            services.AddSingleton<ISubmissionThrottle>(sp => new RedisSubmissionThrottle(sp.GetRequiredService<IConnectionMultiplexer>()));
        else
            services.AddSingleton<ISubmissionThrottle, InMemorySubmissionThrottle>();
        return services;
    }
}
