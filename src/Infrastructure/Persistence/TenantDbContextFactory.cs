using LoanSaaS.Infrastructure.Automation;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Persistence;

/// <summary>Short-lived agency contexts, one per operation (no DbContext per circuit).</summary>
public interface ITenantDbContextFactory
{
    /// <summary>A context on the current request's or circuit's agency.</summary>
    AgencyDbContext Create();

    AgencyDbContext Create(TenantInfo tenant);
}

/// <remarks>Contexts of a request record automation events (<see cref="AutomationHooks"/>), so every channel triggers the agency's rules.</remarks>
public sealed class TenantDbContextFactory(TenantContext context, TenantDatabaseConnector connector, AutomationHooks hooks) : ITenantDbContextFactory
{
    public AgencyDbContext Create() => Create(context.Required);

    public AgencyDbContext Create(TenantInfo tenant) => hooks.Attach(For(connector, tenant.DatabaseName), tenant, 0);

    public static AgencyDbContext For(TenantDatabaseConnector connector, string databaseName)
    {
        switch (connector.Provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var b = new DbContextOptionsBuilder<SqliteAgencyDbContext>();
                connector.Configure(b, databaseName);
                return new SqliteAgencyDbContext(b.Options);
            }
            case DatabaseProvider.Postgres:
            {
                var b = new DbContextOptionsBuilder<PostgresAgencyDbContext>();
                connector.Configure(b, databaseName);
                return new PostgresAgencyDbContext(b.Options);
            }
            default:
            {
                var b = new DbContextOptionsBuilder<SqlServerAgencyDbContext>();
                connector.Configure(b, databaseName);
                return new SqlServerAgencyDbContext(b.Options);
            }
        }
    }
}
