using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LoanSaaS.Tenancy.Catalog;

// Used by `dotnet ef migrations add` only; the connection strings are placeholders, never opened.
public sealed class SqliteCatalogDesignFactory : IDesignTimeDbContextFactory<SqliteCatalogDbContext>
{
    public SqliteCatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresCatalogDesignFactory : IDesignTimeDbContextFactory<PostgresCatalogDbContext>
{
    public PostgresCatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCatalogDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

public sealed class SqlServerCatalogDesignFactory : IDesignTimeDbContextFactory<SqlServerCatalogDbContext>
{
    public SqlServerCatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCatalogDbContext>().UseSqlServer("Server=localhost;Database=design").Options);
}
