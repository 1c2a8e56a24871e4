using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class CustomFieldEntityTypeConfiguration : IEntityTypeConfiguration<CustomField>
{
    public void Configure(EntityTypeBuilder<CustomField> f)
    {
        f.Ignore(x => x.Key);
        f.Property(x => x.Label).HasMaxLength(CustomField.MaxLabelLength);
        f.Property(x => x.Type).HasConversion<string>().HasMaxLength(15);
        f.Property(x => x.Target).HasConversion<string>().HasMaxLength(10);
        f.Property(x => x.Min).HasPrecision(18, 4);
        f.Property(x => x.Max).HasPrecision(18, 4);
        f.Property(x => x.Pattern).HasMaxLength(CustomField.MaxPatternLength);
        f.Property(x => x.Hint).HasMaxLength(CustomField.MaxHintLength);
        // Values keep the option's text, not its position.
        f.Property(x => x.Options).HasJsonConversion(4_000);
        f.Property(x => x.Version).IsConcurrencyToken();
        f.HasIndex(x => x.Order);
    }
}

internal sealed class CustomFieldValueEntityTypeConfiguration : IEntityTypeConfiguration<CustomFieldValue>
{
    public void Configure(EntityTypeBuilder<CustomFieldValue> v)
    {
        v.HasKey(x => new { x.LeadId, x.FieldId, x.Ordinal });
        v.Property(x => x.Text).HasMaxLength(CustomField.MaxLongTextLength);
        v.Property(x => x.Number).HasPrecision(18, 4);
        v.Property(x => x.Cipher).HasMaxLength(LeadEntityTypeConfiguration.CipherLength);
        v.Property(x => x.Index).HasMaxLength(LeadEntityTypeConfiguration.IndexLength);
        // Pools and filters compare one field across many leads.
        v.HasIndex(x => new { x.FieldId, x.Number });
        v.HasIndex(x => new { x.FieldId, x.Date });
        v.HasOne<CustomField>().WithMany().HasForeignKey(x => x.FieldId).OnDelete(DeleteBehavior.Restrict);
        v.HasOne<Lead>().WithMany(l => l.CustomValues).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}
