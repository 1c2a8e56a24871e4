namespace LoanSaaS.Tenancy.Databases;

/// <summary>Bound from the "Database", "ConnectionStrings" and "Tenancy" configuration sections.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for SQLite files (catalog.db, tenants/{slug}.db) and the development master key.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Catalog connection string; for SQLite defaults to {DataDirectory}/catalog.db.</summary>
    public string? CatalogConnectionString { get; set; }

    /// <summary>Server-level connection string (no database) for Postgres/SQL Server; tenant databases are created on this server.</summary>
    public string? TenantServerConnectionString { get; set; }

    /// <summary>Prefix of every tenant database name on a shared server.</summary>
    public string DatabaseNamePrefix { get; set; } = "loansaas_t_";

    /// <summary>How many tenants may hold open PostgreSQL connections at once; older pools are cleared (ADR 0001).</summary>
    public int MaxActiveTenantPools { get; set; } = 10;

    public int MaxConnectionsPerTenant { get; set; } = 4;

    public int CatalogMaxConnections { get; set; } = 6;

    /// <summary>Seconds an idle pooled connection lives before Npgsql prunes it.</summary>
    public int IdleConnectionLifetimeSeconds { get; set; } = 30;

    public string SqliteCatalogPath => Path.Combine(DataDirectory, "catalog.db");

    public string SqliteTenantPath(string databaseName) => Path.Combine(DataDirectory, "tenants", databaseName);
}
