using LoanSaaS.Domain.Credit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class CreditReportEntityTypeConfiguration : IEntityTypeConfiguration<CreditReport>
{
    public void Configure(EntityTypeBuilder<CreditReport> r)
    {
        r.Property(x => x.Provider).HasMaxLength(30);
        r.Property(x => x.PulledById).HasMaxLength(450);
        r.Property(x => x.PulledByName).HasMaxLength(100);
        r.HasIndex(x => new { x.ApplicationId, x.ReportDate });
        r.HasIndex(x => x.LeadId);
    }
}
