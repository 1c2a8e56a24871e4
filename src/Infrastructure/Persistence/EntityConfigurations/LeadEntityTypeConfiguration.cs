using LoanSaaS.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class LeadEntityTypeConfiguration : IEntityTypeConfiguration<Lead>
{
    public const int IndexLength = 32;
    public const int CipherLength = 128;

    public void Configure(EntityTypeBuilder<Lead> l)
    {
        l.Property(x => x.Number).HasMaxLength(20);
        l.HasIndex(x => x.Number).IsUnique();
        l.Property(x => x.CustomerNumber).HasMaxLength(20);
        l.HasIndex(x => x.CustomerNumber).IsUnique();
        l.Property(x => x.Name).HasMaxLength(50);
        Sealed(l, x => x.Mobile, "Mobile");
        Sealed(l, x => x.IdNumber, "IdNumber");
        l.Property(x => x.City).HasMaxLength(30);
        l.Property(x => x.LoanType).HasMaxLength(30);
        l.Property(x => x.Source).HasMaxLength(30);
        l.Property(x => x.Purpose).HasMaxLength(200);
        l.Property(x => x.AmountWan).HasPrecision(12, 2);
        l.Property(x => x.CreditStatus).HasConversion<string>().HasMaxLength(12);
        l.Property(x => x.Intent).HasConversion<string>().HasMaxLength(1);
        l.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        l.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        l.Property(x => x.ConsentChannel).HasConversion<string>().HasMaxLength(10);
        l.Property(x => x.ConsentVersion).HasMaxLength(40);
        l.Property(x => x.OwnerId).HasMaxLength(450);
        l.Property(x => x.CreatedById).HasMaxLength(450);
        l.Property(x => x.BlacklistReason).HasMaxLength(BlacklistEntry.MaxReasonLength);
        l.Property(x => x.Version).IsConcurrencyToken();
        l.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.LeadId).OnDelete(DeleteBehavior.Cascade);

        // The lists' shapes (leads / customers / pool / blacklist, by everyone, an owner or a team, newest first): with
        // ConvertedAt in the key the capped count and the first page read only the index (bench/Leads).
        l.HasIndex(x => new { x.Status, x.ConvertedAt, x.CreatedAt });
        l.HasIndex(x => new { x.OwnerId, x.Status, x.ConvertedAt, x.CreatedAt });
        l.HasIndex(x => new { x.TeamId, x.Status, x.ConvertedAt, x.CreatedAt });
        l.HasIndex(x => new { x.Name, x.City });
        l.HasIndex(x => x.NextFollowUpAt);
        l.HasIndex(x => x.ImportId);
    }

    private static void Sealed(EntityTypeBuilder<Lead> l, System.Linq.Expressions.Expression<Func<Lead, SealedValue?>> value, string prefix)
    {
        l.ComplexProperty(value, c =>
        {
            c.Property(v => v.Cipher).HasColumnName(prefix + "Cipher").HasMaxLength(CipherLength);
            c.Property(v => v.Index).HasColumnName(prefix + "Index").HasMaxLength(IndexLength);
            c.Property(v => v.Masked).HasColumnName(prefix + "Masked").HasMaxLength(30);
        });
    }
}
