using LoanSaaS.Domain.Assignment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class AssignmentRuleEntityTypeConfiguration : IEntityTypeConfiguration<AssignmentRule>
{
    public void Configure(EntityTypeBuilder<AssignmentRule> r)
    {
        r.Property(x => x.Name).HasMaxLength(AssignmentRule.MaxNameLength);
        r.Property(x => x.Target).HasConversion<string>().HasMaxLength(12);
        r.Property(x => x.Strategy).HasConversion<string>().HasMaxLength(12);
        r.Property(x => x.Condition).HasJsonConversion(20_000);
        r.Property(x => x.Members).HasJsonConversion(20_000);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.HasIndex(x => x.Order);
    }
}
