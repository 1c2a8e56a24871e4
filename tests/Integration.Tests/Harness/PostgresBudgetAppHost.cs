namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>A PostgreSQL app with a small, explicit connection budget, for the 200-agency test.</summary>
public sealed class PostgresBudgetAppHost : PostgresAppHost
{
    public const int MaxActiveTenantPools = 10;
    public const int MaxConnectionsPerTenant = 4;
    public const int CatalogMaxConnections = 6;

    public override bool UsesRedis => false;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        foreach (var setting in base.Settings()) yield return setting;
        yield return new("Database:MaxActiveTenantPools", MaxActiveTenantPools.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("Database:MaxConnectionsPerTenant", MaxConnectionsPerTenant.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new("Database:CatalogMaxConnections", CatalogMaxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresBudgetCollection : ICollectionFixture<PostgresBudgetAppHost>
{
    public const string Name = "app on PostgreSQL with a connection budget";
}
