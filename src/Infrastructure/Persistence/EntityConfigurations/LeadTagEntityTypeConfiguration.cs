using LoanSaaS.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class LeadTagEntityTypeConfiguration : IEntityTypeConfiguration<LeadTag>
{
    public void Configure(EntityTypeBuilder<LeadTag> t)
    {
        t.HasKey(x => new { x.LeadId, x.Tag });
        t.Property(x => x.Tag).HasMaxLength(LeadTag.MaxLength);
        t.HasIndex(x => new { x.Tag, x.LeadId });
    }
}
