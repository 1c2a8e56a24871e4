using LoanSaaS.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class LeadEntityTypeConfiguration : IEntityTypeConfiguration<Lead>
{
    public const int IndexLength = 32;
    public const int CipherLength = 128;
    private const string OpenLeads = $"\"Status\" = '{nameof(LeadStatus.Active)}' AND \"ConvertedAt\" IS NULL";

    public void Configure(EntityTypeBuilder<Lead> l)
    {
        l.Property(x => x.Number).HasMaxLength(20);
        l.HasIndex(x => x.Number).IsUnique();
        l.Property(x => x.CustomerNumber).HasMaxLength(20);
        l.HasIndex(x => x.CustomerNumber).IsUnique().HasFilter("\"CustomerNumber\" IS NOT NULL");
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

        // One partial index per list view (leads / customers / pool / blacklist), keyed newest first with the scope and
        // filter columns after the sort key, so the first page and the capped count read only the index whatever the
        // scope or filter; a salesperson's own leads get their own (bench/Leads, docs/benchmarks.md "Lead list").
        // Identifiers in double quotes: PostgreSQL, SQLite and SQL Server (QUOTED_IDENTIFIER is on) all accept them.
        l.HasIndex(x => new { x.CreatedAt, x.Id, x.OwnerId, x.TeamId, x.Intent, x.Source }, "IX_Leads_Open").HasFilter(OpenLeads);
        l.HasIndex(x => new { x.OwnerId, x.CreatedAt, x.Id }, "IX_Leads_Open_Owner").HasFilter(OpenLeads);
        // The reclaim sweep's range: open leads assigned before a rule's earliest warning point.
        l.HasIndex(x => new { x.AssignedAt, x.Id }, "IX_Leads_Open_Assigned").HasFilter(OpenLeads);
        l.HasIndex(x => new { x.CreatedAt, x.Id, x.OwnerId, x.TeamId, x.Intent, x.Source }, "IX_Leads_Customers")
            .HasFilter($"\"ConvertedAt\" IS NOT NULL AND \"Status\" <> '{nameof(LeadStatus.Merged)}'");
        l.HasIndex(x => new { x.CreatedAt, x.Id }, "IX_Leads_Pool").HasFilter($"\"Status\" = '{nameof(LeadStatus.PublicPool)}'");
        l.HasIndex(x => new { x.CreatedAt, x.Id }, "IX_Leads_Blacklisted").HasFilter($"\"Status\" = '{nameof(LeadStatus.Blacklisted)}'");
        // A board column: its newest cards first, with what the scope filter and the column's count and sum read.
        l.HasIndex(x => new { x.StageId, x.StageEnteredAt, x.Id, x.OwnerId, x.TeamId, x.AmountWan }, "IX_Leads_Board")
            .HasFilter($"\"Status\" = '{nameof(LeadStatus.Active)}'");
        l.HasIndex(x => new { x.Name, x.City });
        l.HasIndex(x => x.NextFollowUpAt).HasFilter("\"NextFollowUpAt\" IS NOT NULL");
    }

    /// <summary>A sealed value as three columns: prefix + Cipher / Index / Masked (also an application's related mobile).</summary>
    internal static void Sealed<T>(EntityTypeBuilder<T> l, System.Linq.Expressions.Expression<Func<T, SealedValue?>> value, string prefix) where T : class
    {
        l.ComplexProperty(value, c =>
        {
            c.Property(v => v.Cipher).HasColumnName(prefix + "Cipher").HasMaxLength(CipherLength);
            c.Property(v => v.Index).HasColumnName(prefix + "Index").HasMaxLength(IndexLength);
            c.Property(v => v.Masked).HasColumnName(prefix + "Masked").HasMaxLength(30);
        });
    }
}
