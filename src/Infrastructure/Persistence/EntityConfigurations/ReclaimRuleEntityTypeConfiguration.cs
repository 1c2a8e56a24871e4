using LoanSaaS.Domain.Reclaim;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class ReclaimRuleEntityTypeConfiguration : IEntityTypeConfiguration<ReclaimRule>
{
    public void Configure(EntityTypeBuilder<ReclaimRule> r)
    {
        r.Property(x => x.Name).HasMaxLength(ReclaimRule.MaxNameLength);
        r.Property(x => x.Condition).HasJsonConversion(20_000);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.Ignore(x => x.HasLimit);
        r.HasIndex(x => x.Order);
    }
}
