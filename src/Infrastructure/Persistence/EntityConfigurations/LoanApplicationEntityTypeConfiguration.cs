using LoanSaaS.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class LoanApplicationEntityTypeConfiguration : IEntityTypeConfiguration<LoanApplication>
{
    public void Configure(EntityTypeBuilder<LoanApplication> a)
    {
        a.Property(x => x.Number).HasMaxLength(30);
        a.HasIndex(x => x.Number).IsUnique();
        a.Property(x => x.AmountWan).HasPrecision(18, 2);
        a.Property(x => x.Purpose).HasMaxLength(200);
        a.Property(x => x.RepaymentMethod).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.RelatedRole).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.RelatedName).HasMaxLength(ApplicationInputRules.MaxRelatedNameLength);
        a.Property(x => x.RelatedRelation).HasConversion<string>().HasMaxLength(20);
        LeadEntityTypeConfiguration.Sealed(a, x => x.RelatedMobile, "RelatedMobile");
        a.Property(x => x.OwnerId).HasMaxLength(450);
        a.Property(x => x.CreatedById).HasMaxLength(450);
        a.Property(x => x.SubmittedById).HasMaxLength(450);
        a.Property(x => x.CurrentStep).HasMaxLength(100);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasIndex(x => new { x.LeadId, x.CreatedAt });
        a.HasIndex(x => new { x.Status, x.UpdatedAt });
        a.HasIndex(x => new { x.OwnerId, x.Status });
    }
}
