using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Migrations;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoanSaaS.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection("Database"))
            .Configure(o =>
            {
                o.CatalogConnectionString ??= configuration.GetConnectionString("Catalog");
                o.TenantServerConnectionString ??= configuration.GetConnectionString("TenantServer");
            });
        services.AddOptions<TenancyOptions>().Bind(configuration.GetSection("Tenancy"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CatalogDbContextFactory>();
        services.AddSingleton<TenantDataSourceRegistry>();
        services.AddSingleton<TenantDatabaseConnector>();
        services.AddSingleton<TenantDatabaseCreator>();
        services.AddSingleton<HostTenantStrategy>();
        services.AddSingleton<TenantStore>();
        services.AddScoped<TenantContext>();
        services.TryAddSingleton<InMemoryLiveEvents>();
        services.TryAddSingleton<ILiveEvents>(sp => sp.GetRequiredService<InMemoryLiveEvents>());
        services.TryAddSingleton<IPresence, InMemoryPresence>();
        services.AddSingleton<TenantProvisioner>();
        services.AddSingleton<ProvisioningQueue>();
        services.AddHostedService<ProvisioningWorker>();
        services.AddSingleton<TenantMigrator>();
        return services;
    }
}
