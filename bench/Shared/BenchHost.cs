using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
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
    /// <param name="redis">When set, live events and presence go through this Redis (a "node" of a cluster).</param>
    public static IServiceCollection Services(string server, string prefix, BenchUser user, string applicationName, string? redis = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:DataDirectory"] = Path.Combine(Path.GetTempPath(), prefix),
            ["Database:DatabaseNamePrefix"] = prefix,
            ["ConnectionStrings:Catalog"] = new NpgsqlConnectionStringBuilder(server) { Database = prefix + "catalog" }.ConnectionString,
            ["ConnectionStrings:TenantServer"] = server,
            ["Redis:Configuration"] = redis,
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

    /// <summary>A fresh agency through sign-up and provisioning, and its owner as a member.</summary>
    public static async Task<(TenantInfo Tenant, CurrentUser Owner)> ProvisionAsync(IServiceProvider provider, string slug)
    {
        await using var scope = provider.CreateAsyncScope();
        var signUp = await scope.ServiceProvider.GetRequiredService<SignUpAgency>().HandleAsync(
            new SignUpRequest("基准测试机构", slug, "测试负责人", "1391234" + Random.Shared.Next(0, 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                slug + "@bench.test", "Bench2026x"), CancellationToken.None);
        if (!signUp.Succeeded) throw new InvalidOperationException(string.Join(", ", signUp.Errors));
        if (await provider.GetRequiredService<TenantProvisioner>().ProvisionAsync(signUp.Value, CancellationToken.None) != TenantState.Active)
            throw new InvalidOperationException("provisioning failed");
        await using var catalog = provider.GetRequiredService<CatalogDbContextFactory>().Create();
        var tenant = TenantStore.ToInfo(await catalog.Tenants.SingleAsync(t => t.Id == signUp.Value));
        await using var db = provider.GetRequiredService<ITenantDbContextFactory>().Create(tenant);
        var ownerId = await db.Users.Where(u => u.Role == AgencyRole.Owner).Select(u => u.Id).SingleAsync();
        return (tenant, new CurrentUser(ownerId, "测试负责人", AgencyRole.Owner, DataScope.All, null, AgencyRoles.PermissionsOf(AgencyRole.Owner)));
    }

    /// <summary>Drops the run's databases (catalog and agencies, by name prefix).</summary>
    public static async Task DropDatabasesAsync(string server, string prefix)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{prefix}%'", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        foreach (var db in names)
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", conn);
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 30)
                {
                    // An autovacuum worker (owned by the superuser) on a freshly filled database cannot be terminated by us; it ends soon.
                    await Task.Delay(1000);
                }
            }
    }
}
