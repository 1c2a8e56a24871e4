using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Progress;

/// <summary>Configuration section "Progress": how often one client address may open progress pages of one agency.</summary>
public sealed class ProgressLinkOptions
{
    public int ViewsPerAddress { get; set; } = 30;
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(10);
}

public static class ProgressServices
{
    public static IServiceCollection AddProgressLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProgressLinkOptions>().Bind(configuration.GetSection("Progress"));
        return services;
    }
}
