using LoanSaaS.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class ApplicationDocumentEntityTypeConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> d)
    {
        d.Property(x => x.Item).HasMaxLength(ApplicationDocument.MaxItemLength);
        d.Property(x => x.FileName).HasMaxLength(ApplicationDocument.MaxFileNameLength);
        d.Property(x => x.ContentType).HasMaxLength(50);
        d.Property(x => x.StorageKey).HasMaxLength(32);
        d.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.Reason).HasMaxLength(ApplicationDocument.MaxReasonLength);
        d.Property(x => x.ReviewedById).HasMaxLength(450);
        d.Property(x => x.ReviewedByName).HasMaxLength(100);
        d.Property(x => x.UploadedById).HasMaxLength(450);
        d.Property(x => x.UploadedByName).HasMaxLength(100);
        d.Property(x => x.Version).IsConcurrencyToken();
        d.HasOne<LoanApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        d.HasIndex(x => new { x.ApplicationId, x.Item });
    }
}
