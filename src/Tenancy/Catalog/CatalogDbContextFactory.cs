using LoanSaaS.Tenancy.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LoanSaaS.Tenancy.Catalog;

/// <summary>Short-lived catalog contexts for the configured provider.</summary>
public sealed class CatalogDbContextFactory(IOptions<DatabaseOptions> options)
{
    private readonly Lazy<Func<CatalogDbContext>> _create = new(() => Build(options.Value));

    public CatalogDbContext Create() => _create.Value();

    private static Func<CatalogDbContext> Build(DatabaseOptions o)
    {
        switch (o.Provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var path = o.SqliteCatalogPath;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var opts = new DbContextOptionsBuilder<SqliteCatalogDbContext>()
                    .UseSqlite(o.CatalogConnectionString ?? $"Data Source={path};Pooling=True").Options;
                return () => new SqliteCatalogDbContext(opts);
            }
            case DatabaseProvider.Postgres:
            {
                var csb = new Npgsql.NpgsqlConnectionStringBuilder(Required(o.CatalogConnectionString)) { MaxPoolSize = o.CatalogMaxConnections };
                var opts = new DbContextOptionsBuilder<PostgresCatalogDbContext>().UseNpgsql(csb.ConnectionString).Options;
                return () => new PostgresCatalogDbContext(opts);
            }
            default:
            {
                var opts = new DbContextOptionsBuilder<SqlServerCatalogDbContext>().UseSqlServer(Required(o.CatalogConnectionString)).Options;
                return () => new SqlServerCatalogDbContext(opts);
            }
        }
    }

    private static string Required(string? connectionString) => connectionString
        ?? throw new InvalidOperationException("ConnectionStrings:Catalog is required for this database provider.");
}
