using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LoanSaaS.Infrastructure.Credit;

/// <summary>Configuration section "Credit": which credit data provider answers (docs/operations.md).</summary>
public sealed class CreditOptions
{
    public string Provider { get; set; } = LocalCreditReportProvider.ProviderName;
}

public static class CreditServices
{
    /// <summary>Registers the configured provider; an unknown name stops the app at start instead of at the first pull.</summary>
    public static IServiceCollection AddCreditReports(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Credit").Get<CreditOptions>() ?? new CreditOptions();
        services.AddOptions<CreditOptions>().Bind(configuration.GetSection("Credit"));
        if (!string.Equals(options.Provider, LocalCreditReportProvider.ProviderName, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Credit:Provider '{options.Provider}' is not known; the providers are: {LocalCreditReportProvider.ProviderName}.");
        services.AddSingleton<ICreditReportProvider, LocalCreditReportProvider>();
        return services;
    }
}
