using LoanSaaS.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class AdmissionRuleEntityTypeConfiguration : IEntityTypeConfiguration<AdmissionRule>
{
    public void Configure(EntityTypeBuilder<AdmissionRule> r)
    {
        r.Property(x => x.Name).HasMaxLength(AdmissionRule.MaxNameLength);
        r.Property(x => x.Message).HasMaxLength(AdmissionRule.MaxMessageLength);
        r.Property(x => x.Condition).HasJsonConversion(8000);
        r.Property(x => x.Version).IsConcurrencyToken();
    }
}
