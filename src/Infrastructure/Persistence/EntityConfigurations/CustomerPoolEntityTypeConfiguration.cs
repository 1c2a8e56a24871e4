using System.Text.Json;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class CustomerPoolEntityTypeConfiguration : IEntityTypeConfiguration<CustomerPool>
{
    public void Configure(EntityTypeBuilder<CustomerPool> p)
    {
        p.Property(x => x.Name).HasMaxLength(CustomerPool.MaxNameLength);
        p.Property(x => x.Description).HasMaxLength(CustomerPool.MaxDescriptionLength);
        p.Property(x => x.CreatedById).HasMaxLength(450);
        p.Property(x => x.CreatedByName).HasMaxLength(100);
        // The condition tree as its JSON (the builder's model), read back whole; never queried inside.
        p.Property(x => x.Condition).HasConversion(
                c => JsonSerializer.Serialize(c, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<ConditionNode>(json, (JsonSerializerOptions?)null)!,
                new ValueComparer<ConditionNode>((a, b) => JsonSerializer.Serialize(a, (JsonSerializerOptions?)null) == JsonSerializer.Serialize(b, (JsonSerializerOptions?)null),
                    c => JsonSerializer.Serialize(c, (JsonSerializerOptions?)null).GetHashCode(StringComparison.Ordinal), c => c))
            .HasMaxLength(20_000);
        p.Property(x => x.Version).IsConcurrencyToken();
        p.HasIndex(x => x.Name);
    }
}
