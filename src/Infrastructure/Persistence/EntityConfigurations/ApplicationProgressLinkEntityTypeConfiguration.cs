using LoanSaaS.Domain.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class ApplicationProgressLinkEntityTypeConfiguration : IEntityTypeConfiguration<ApplicationProgressLink>
{
    public void Configure(EntityTypeBuilder<ApplicationProgressLink> l)
    {
        l.Property(x => x.TokenHash).HasMaxLength(64);
        l.HasIndex(x => x.TokenHash).IsUnique();
        l.HasIndex(x => new { x.ApplicationId, x.CreatedAt });
        l.Property(x => x.CreatedById).HasMaxLength(450);
        l.Property(x => x.CreatedByName).HasMaxLength(100);
        l.Property(x => x.RevokedById).HasMaxLength(450);
        l.Property(x => x.RevokedByName).HasMaxLength(100);
        l.Property(x => x.Version).IsConcurrencyToken();
    }
}
