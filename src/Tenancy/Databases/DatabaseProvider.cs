namespace LoanSaaS.Tenancy.Databases;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
