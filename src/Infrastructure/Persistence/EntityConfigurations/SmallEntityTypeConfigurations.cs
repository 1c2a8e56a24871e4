using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class FollowUpEntityTypeConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> f)
    {
        f.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        f.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(15);
        f.Property(x => x.Content).HasMaxLength(FollowUp.MaxContentLength);
        f.Property(x => x.AuthorId).HasMaxLength(450);
        f.Property(x => x.AuthorName).HasMaxLength(50);
        f.HasIndex(x => new { x.LeadId, x.At });
        f.HasIndex(x => new { x.IsClosed, x.NextAt });
        f.HasIndex(x => x.At);
        f.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlacklistEntryEntityTypeConfiguration : IEntityTypeConfiguration<BlacklistEntry>
{
    public void Configure(EntityTypeBuilder<BlacklistEntry> b)
    {
        b.Property(x => x.MobileIndex).HasMaxLength(LeadEntityTypeConfiguration.IndexLength);
        b.Property(x => x.IdNumberIndex).HasMaxLength(LeadEntityTypeConfiguration.IndexLength);
        b.Property(x => x.MobileMasked).HasMaxLength(30);
        b.Property(x => x.IdNumberMasked).HasMaxLength(30);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Reason).HasMaxLength(BlacklistEntry.MaxReasonLength);
        b.Property(x => x.AddedById).HasMaxLength(450);
        b.Property(x => x.AddedByName).HasMaxLength(50);
        b.HasIndex(x => x.MobileIndex);
        b.HasIndex(x => x.IdNumberIndex);
    }
}

internal sealed class DictionaryItemEntityTypeConfiguration : IEntityTypeConfiguration<DictionaryItem>
{
    public void Configure(EntityTypeBuilder<DictionaryItem> d)
    {
        d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        d.Property(x => x.Key).HasMaxLength(30);
        d.Property(x => x.Name).HasMaxLength(30);
        d.HasIndex(x => new { x.Kind, x.Key }).IsUnique();
        // Every agency, new or migrated, starts with the default lists.
        d.HasData(DefaultDictionaries.All.Select((x, i) => new DictionaryItem
        {
            Id = i + 1, Kind = x.Kind, Key = x.Key, Name = x.Name, SortOrder = x.SortOrder, IsActive = true,
        }));
    }
}

internal sealed class LeadImportEntityTypeConfiguration : IEntityTypeConfiguration<LeadImport>
{
    public void Configure(EntityTypeBuilder<LeadImport> i)
    {
        i.Property(x => x.FileName).HasMaxLength(255);
        i.Property(x => x.Format).HasConversion<string>().HasMaxLength(5);
        i.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        i.Property(x => x.DuplicatePolicy).HasConversion<string>().HasMaxLength(10);
        i.Property(x => x.Mapping).HasMaxLength(4000);
        i.Property(x => x.Error).HasMaxLength(500);
        i.Property(x => x.SourceFileId).HasMaxLength(64);
        i.Property(x => x.RejectedFileId).HasMaxLength(64);
        i.Property(x => x.CreatedById).HasMaxLength(450);
        i.Property(x => x.CreatedByName).HasMaxLength(50);
        i.Property(x => x.Version).IsConcurrencyToken();
        i.HasIndex(x => x.CreatedAt);
        i.HasIndex(x => x.Status);
    }
}

internal sealed class NotificationEntityTypeConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.Property(x => x.UserId).HasMaxLength(450);
        n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        n.Property(x => x.Subject).HasMaxLength(255);
        n.Property(x => x.Detail).HasMaxLength(40);
        n.HasIndex(x => new { x.UserId, x.ReadAt, x.Id });
    }
}

internal sealed class AgencySettingEntityTypeConfiguration : IEntityTypeConfiguration<AgencySetting>
{
    public void Configure(EntityTypeBuilder<AgencySetting> s)
    {
        s.HasKey(x => x.Key);
        s.Property(x => x.Key).HasMaxLength(100);
        s.Property(x => x.Value).HasMaxLength(8000);
        s.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class NumberSequenceEntityTypeConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> s)
    {
        s.HasKey(x => x.Key);
        s.Property(x => x.Key).HasMaxLength(30);
        s.Property(x => x.Version).IsConcurrencyToken();
    }
}
