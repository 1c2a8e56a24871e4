using LoanSaaS.Tenancy.Databases;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>The embedded default: catalog.db and tenants/{slug}.db under a fresh temp folder.</summary>
public sealed class SqliteAppHost : AppHost
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string TenantFile(string slug) => Path.Combine(DataDirectory, "tenants", $"{slug}.db");

    public override Task<bool> AgencyDatabaseExistsAsync(string databaseName) =>
        Task.FromResult(File.Exists(Path.Combine(DataDirectory, "tenants", databaseName)));
}
