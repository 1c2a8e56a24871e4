using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LoanSaaS.Tenancy.Databases;

public static class SqliteConventions
{
    /// <summary>SQLite cannot order or compare DateTimeOffset; store it as sortable binary (UTC ticks + offset).</summary>
    public static void UseSqliteFriendlyTypes(this ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
