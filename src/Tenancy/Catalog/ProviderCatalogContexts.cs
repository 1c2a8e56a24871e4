using LoanSaaS.Tenancy.Databases;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Tenancy.Catalog;

// One derived type per provider: each owns its migrations folder and model snapshot (ADR 0005).
public sealed class SqliteCatalogDbContext(DbContextOptions<SqliteCatalogDbContext> options) : CatalogDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteFriendlyTypes();
}

public sealed class PostgresCatalogDbContext(DbContextOptions<PostgresCatalogDbContext> options) : CatalogDbContext(options);

public sealed class SqlServerCatalogDbContext(DbContextOptions<SqlServerCatalogDbContext> options) : CatalogDbContext(options);
