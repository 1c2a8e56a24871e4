using LoanSaaS.Tenancy.Databases;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

namespace LoanSaaS.Infrastructure.Scheduling;

/// <summary>
/// The Quartz job store lives in the catalog database, on whichever provider the catalog uses (ADR 0012), with its
/// own small connection pool so jobs never wait for EF's catalog connections or the other way round. Clustered on
/// PostgreSQL and SQL Server.
/// </summary>
public static class SchedulerStore
{
    internal static void Configure(IPersistentStoreBuilder store, DatabaseOptions database, SchedulerOptions options)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                store.UseSqlite(SqliteFactory.Instance, database.CatalogConnectionString ?? $"Data Source={database.SqliteCatalogPath};Pooling=True");
                break;
            case DatabaseProvider.Postgres:
                store.UsePostgres(NpgsqlFactory.Instance, new NpgsqlConnectionStringBuilder(Required(database))
                {
                    MaxPoolSize = options.MaxConnections,
                    ApplicationName = "loansaas-scheduler",
                }.ConnectionString);
                break;
            default:
                store.UseSqlServer(SqlClientFactory.Instance, new SqlConnectionStringBuilder(Required(database))
                {
                    MaxPoolSize = options.MaxConnections,
                    ApplicationName = "loansaas-scheduler",
                }.ConnectionString);
                break;
        }
        store.ConfigureStore(o =>
        {
            o.StoreJobDataAsStrings = true;
            o.MisfireThreshold = options.MisfireThreshold;
            o.MisfireHandlerFrequency = options.MisfireCheckInterval;
        });
        // The qrtz_* tables are created by the store itself from the DDL Quartz ships for this very version (ADR 0012).
        store.ProvisionSchema();
        store.UseSystemTextJsonSerializer();
        if (!IsClustered(database.Provider)) return;
        store.UseClustering(c =>
        {
            c.CheckinInterval = options.CheckinInterval;
            c.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
        });
    }

    /// <summary>
    /// Quartz refuses clustering on SQLite (its locks there are in-process), so the embedded default is one scheduler
    /// node on a persistent store; several app nodes need PostgreSQL or SQL Server, or Scheduler:Enabled=false on all but one.
    /// </summary>
    public static bool IsClustered(DatabaseProvider provider) => provider != DatabaseProvider.Sqlite;

    private static string Required(DatabaseOptions database) => database.CatalogConnectionString
        ?? throw new InvalidOperationException("ConnectionStrings:Catalog is required for this database provider.");
}
