using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Integration.Tests.Harness;
using LoanSaaS.Tenancy.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LoanSaaS.Integration.Tests.Database;

/// <summary>SQL Server is supported through kept migrations: their idempotent scripts are generated without a server and saved to artifacts/sql.</summary>
public sealed class SqlServerScriptTests
{
    private const string Unused = "Server=unused;Database=unused";

    [Fact]
    public void Agency_script_is_idempotent_and_creates_the_identity_tables()
    {
        using var db = new SqlServerAgencyDbContext(new DbContextOptionsBuilder<SqlServerAgencyDbContext>().UseSqlServer(Unused).Options);
        var script = Generate(db, "sqlserver-agency.sql");
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
        Assert.Contains("CREATE TABLE [AuditEntries]", script);
        Assert.Contains("CREATE TABLE [RoleSettings]", script);
    }

    [Fact]
    public void Catalog_script_is_idempotent_and_creates_the_tenant_table()
    {
        using var db = new SqlServerCatalogDbContext(new DbContextOptionsBuilder<SqlServerCatalogDbContext>().UseSqlServer(Unused).Options);
        var script = Generate(db, "sqlserver-catalog.sql");
        Assert.Contains("CREATE TABLE [Tenants]", script);
        Assert.Contains("CREATE TABLE [PlatformAdmins]", script);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script);
    }

    private static string Generate(DbContext db, string fileName)
    {
        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("__EFMigrationsHistory", script);
        foreach (var migration in migrations) Assert.Contains($"N'{migration}'", script);

        var folder = RepoPaths.Artifacts("sql");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, fileName), script);
        return script;
    }
}
