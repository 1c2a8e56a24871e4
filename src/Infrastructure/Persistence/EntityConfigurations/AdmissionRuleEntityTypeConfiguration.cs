using LoanSaaS.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class AdmissionRuleEntityTypeConfiguration : IEntityTypeConfiguration<AdmissionRule>
{
    public void Configure(EntityTypeBuilder<AdmissionRule> r)
    {
        r.Property(x => x.Name).HasMaxLength(50);
        r.Property(x => x.Message).HasMaxLength(200);
        r.Property(x => x.Condition).HasJsonConversion(8000);
        r.Property(x => x.Version).IsConcurrencyToken();
    }
}
