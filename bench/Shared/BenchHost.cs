using LoanSaaS.Infrastructure;
using LoanSaaS.Infrastructure.Team;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LoanSaaS.Bench;

/// <summary>The member the measured use cases run as; switched between scenarios.</summary>
public sealed class BenchUser : ICurrentUserAccessor
{
    public CurrentUser? Current { get; set; }

    public Task<CurrentUser?> GetAsync(CancellationToken ct = default) => Task.FromResult(Current);
}

/// <summary>The product's infrastructure on a PostgreSQL server, with its own catalog and database-name prefix per run.</summary>
public static class BenchHost
{
    public static IServiceCollection Services(string server, string prefix, BenchUser user, string applicationName)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:DataDirectory"] = Path.Combine(Path.GetTempPath(), prefix),
            ["Database:DatabaseNamePrefix"] = prefix,
            ["ConnectionStrings:Catalog"] = new NpgsqlConnectionStringBuilder(server) { Database = prefix + "catalog" }.ConnectionString,
            ["ConnectionStrings:TenantServer"] = server,
        };
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole())
            .AddSingleton<ICurrentUserAccessor>(user);
        services.AddDataProtection();
        // A throw-away development master key (generated into the temp data folder) seals the bench's personal data.
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            EnvironmentName = "Development", ApplicationName = applicationName, ContentRootPath = AppContext.BaseDirectory,
        });
        services.AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
