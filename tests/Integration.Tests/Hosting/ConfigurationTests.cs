using LoanSaaS.Infrastructure.Live;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Integration.Tests.Hosting;

/// <summary>The harness really runs the app with the fixture's settings (host settings win over appsettings*.json).</summary>
public abstract class ConfigurationTests(AppHost app)
{
    [Fact]
    public void App_runs_with_the_fixture_settings()
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        Assert.Equal(app.Provider, database.Provider);
        Assert.Equal(app.DataDirectory, database.DataDirectory);
        Assert.Equal(app.DatabaseNamePrefix, database.DatabaseNamePrefix);
        Assert.Equal(AppHost.BaseDomain, app.Services.GetRequiredService<IOptions<TenancyOptions>>().Value.BaseDomain);
        Assert.Equal("Development", app.Services.GetRequiredService<IWebHostEnvironment>().EnvironmentName);
        Assert.Equal(app.UsesRedis, app.Services.GetRequiredService<ILiveEvents>() is RedisLiveEvents);
    }

    [Fact]
    public async Task No_demo_agency_is_seeded()
    {
        Assert.Null(await app.CatalogTenantAsync("demo"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteConfigurationTests(SqliteAppHost app) : ConfigurationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresConfigurationTests(PostgresAppHost app) : ConfigurationTests(app);
