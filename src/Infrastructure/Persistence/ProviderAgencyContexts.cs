using LoanSaaS.Tenancy.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LoanSaaS.Infrastructure.Persistence;

// One derived type per provider, each with its own migrations folder and snapshot (ADR 0005).
public sealed class SqliteAgencyDbContext(DbContextOptions<SqliteAgencyDbContext> options) : AgencyDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteFriendlyTypes();
}

public sealed class PostgresAgencyDbContext(DbContextOptions<PostgresAgencyDbContext> options) : AgencyDbContext(options)
{
    // Advisory locks are per database, so this serializes audit appends of one agency only.
    protected internal override string? AuditLockSql => "SELECT pg_advisory_xact_lock(7310470001)";
}

public sealed class SqlServerAgencyDbContext(DbContextOptions<SqlServerAgencyDbContext> options) : AgencyDbContext(options)
{
    protected internal override string? AuditLockSql =>
        "EXEC sp_getapplock @Resource = N'loansaas.audit', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000";
}

// Design-time factories for `dotnet ef migrations add`; the connection strings are never opened.
public sealed class SqliteAgencyDesignFactory : IDesignTimeDbContextFactory<SqliteAgencyDbContext>
{
    public SqliteAgencyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAgencyDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresAgencyDesignFactory : IDesignTimeDbContextFactory<PostgresAgencyDbContext>
{
    public PostgresAgencyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAgencyDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

public sealed class SqlServerAgencyDesignFactory : IDesignTimeDbContextFactory<SqlServerAgencyDbContext>
{
    public SqlServerAgencyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAgencyDbContext>().UseSqlServer("Server=localhost;Database=design").Options);
}
