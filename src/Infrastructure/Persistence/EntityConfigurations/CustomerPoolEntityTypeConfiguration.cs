using LoanSaaS.Domain.Pools;
using Microsoft.EntityFrameworkCore;
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
        p.Property(x => x.Condition).HasJsonConversion(20_000);
        p.Property(x => x.Version).IsConcurrencyToken();
        p.HasIndex(x => x.Name);
    }
}
