using System.Text.Json;
using LoanSaaS.Domain.Assignment;
using LoanSaaS.Domain.Automation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class AssignmentRuleEntityTypeConfiguration : IEntityTypeConfiguration<AssignmentRule>
{
    public void Configure(EntityTypeBuilder<AssignmentRule> r)
    {
        r.Property(x => x.Name).HasMaxLength(AssignmentRule.MaxNameLength);
        r.Property(x => x.Target).HasConversion<string>().HasMaxLength(12);
        r.Property(x => x.Strategy).HasConversion<string>().HasMaxLength(12);
        r.Property(x => x.Condition).HasConversion(Json<ConditionNode>()).HasMaxLength(20_000);
        r.Property(x => x.Members).HasConversion(Json<List<AssignmentMember>>()).HasMaxLength(20_000);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.HasIndex(x => x.Order);
    }

    /// <summary>A value kept as its JSON, read back whole, compared by its JSON.</summary>
    private static ValueConverter<T> Json<T>() where T : class => new();

    private sealed class ValueConverter<T>() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string>(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null), json => JsonSerializer.Deserialize<T>(json, (JsonSerializerOptions?)null)!)
        where T : class;
}
