using LoanSaaS.Domain.Automation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LoanSaaS.Infrastructure.Persistence.EntityConfigurations;

internal sealed class AutomationRuleEntityTypeConfiguration : IEntityTypeConfiguration<AutomationRule>
{
    public void Configure(EntityTypeBuilder<AutomationRule> r)
    {
        r.Property(x => x.Name).HasMaxLength(AutomationRule.MaxNameLength);
        r.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(24);
        r.Property(x => x.TriggerField).HasMaxLength(60);
        r.Property(x => x.TriggerUnit).HasConversion<string>().HasMaxLength(8);
        r.Property(x => x.Condition).HasJsonConversion(20_000);
        r.Property(x => x.Actions).HasJsonConversion(20_000);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.Ignore(x => x.IsTimeBased);
        r.HasIndex(x => new { x.IsEnabled, x.Trigger });
    }
}

internal sealed class AutomationRunEntityTypeConfiguration : IEntityTypeConfiguration<AutomationRun>
{
    public void Configure(EntityTypeBuilder<AutomationRun> r)
    {
        r.Property(x => x.OccurrenceKey).HasMaxLength(AutomationRun.MaxKeyLength);
        r.Property(x => x.Result).HasConversion<string>().HasMaxLength(12);
        r.Property(x => x.Error).HasMaxLength(AutomationRun.MaxErrorLength);
        r.HasIndex(x => new { x.RuleId, x.LeadId, x.OccurrenceKey }).IsUnique();
        r.HasIndex(x => new { x.RuleId, x.Id });
    }
}

internal sealed class AutomationEventEntityTypeConfiguration : IEntityTypeConfiguration<AutomationEvent>
{
    public void Configure(EntityTypeBuilder<AutomationEvent> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Detail).HasMaxLength(AutomationEvent.MaxDetailLength);
        // A capture batch of 2,000 leads is one event: ~75,000 characters of ids.
        e.Property(x => x.LeadIds).HasJsonConversion(200_000);
        e.HasIndex(x => new { x.ProcessedAt, x.Id });
    }
}

internal sealed class OutboxMessageEntityTypeConfiguration : IEntityTypeConfiguration<Domain.Notifications.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Domain.Notifications.OutboxMessage> m)
    {
        m.Property(x => x.Channel).HasConversion<string>().HasMaxLength(8);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(8);
        m.Property(x => x.Body).HasMaxLength(Domain.Notifications.OutboxMessage.MaxBodyLength);
        m.Property(x => x.Subject).HasMaxLength(100);
        m.Property(x => x.Error).HasMaxLength(200);
        m.ComplexProperty(x => x.Recipient, c =>
        {
            c.Property(v => v.Cipher).HasColumnName("RecipientCipher").HasMaxLength(300);
            c.Property(v => v.Index).HasColumnName("RecipientIndex").HasMaxLength(LeadEntityTypeConfiguration.IndexLength);
            c.Property(v => v.Masked).HasColumnName("RecipientMasked").HasMaxLength(60);
        });
        m.HasIndex(x => new { x.Status, x.DueAt });
        m.HasIndex(x => x.CreatedAt);
    }
}
