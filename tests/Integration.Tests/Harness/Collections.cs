namespace LoanSaaS.Integration.Tests.Harness;

// One app per collection: tests of a collection share it and run one after another; collections run in parallel.

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppHost>
{
    public const string Name = "app on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresAppHost>
{
    public const string Name = "app on PostgreSQL";
}
