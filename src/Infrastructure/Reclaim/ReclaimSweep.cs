using LoanSaaS.Infrastructure.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Infrastructure.Reclaim;

/// <summary>"Pools:Reclaim": how often the reclaim sweep runs, or not at all on this node.</summary>
public sealed class ReclaimOptions
{
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary><see cref="PoolReclaim"/> as a sweep ("pool-reclaim"): every "Pools:Reclaim:Interval" (5 min) on one node of the cluster.</summary>
public sealed class ReclaimSweep(PoolReclaim reclaim, IOptions<ReclaimOptions> options) : ISweep
{
    public const string SweepName = "pool-reclaim";

    public string Name => SweepName;

    public TimeSpan Interval => options.Value.Interval;

    public Task HandleAsync(DateTimeOffset now, CancellationToken ct) => reclaim.HandleAsync(now, ct);
}

public static class ReclaimServices
{
    /// <summary>The reclaim sweep; "Pools:Reclaim:Enabled" = false leaves it unscheduled on this node.</summary>
    public static IServiceCollection AddReclaim(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Pools:Reclaim");
        services.AddOptions<ReclaimOptions>().Bind(section);
        if (section.GetValue(nameof(ReclaimOptions.Enabled), true))
            services.AddSweep<ReclaimSweep>();
        return services;
    }
}
