using System.Text.Json;
using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Assignment;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Pools;
using LoanSaaS.Domain.Products;
using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Domain.Settings;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Automation;
using LoanSaaS.Infrastructure.Persistence.EntityConfigurations;
using LoanSaaS.Infrastructure.Team;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Persistence;

/// <summary>One agency's database: its users (Identity) and all of its business data.</summary>
public abstract class AgencyDbContext(DbContextOptions options) : IdentityDbContext<AgencyUser>(options)
{
    public DbSet<SalesTeam> Teams => Set<SalesTeam>();
    public DbSet<RoleSetting> RoleSettings => Set<RoleSetting>();
    public DbSet<FunnelBoard> FunnelBoards => Set<FunnelBoard>();
    public DbSet<FunnelStage> FunnelStages => Set<FunnelStage>();
    public DbSet<LeadStageChange> LeadStageChanges => Set<LeadStageChange>();
    public DbSet<LoanProduct> LoanProducts => Set<LoanProduct>();
    public DbSet<ApprovalFlowVersion> ApprovalFlows => Set<ApprovalFlowVersion>();
    public DbSet<LoanApplication> LoanApplications => Set<LoanApplication>();
    public DbSet<AdmissionRule> AdmissionRules => Set<AdmissionRule>();
    public DbSet<Domain.Credit.CreditReport> CreditReports => Set<Domain.Credit.CreditReport>();
    public DbSet<ApplicationProgressLink> ApplicationProgressLinks => Set<ApplicationProgressLink>();
    public DbSet<ApplicationApproval> ApplicationApprovals => Set<ApplicationApproval>();
    public DbSet<ApprovalTask> ApprovalTasks => Set<ApprovalTask>();
    public DbSet<ApprovalDecision> ApprovalDecisions => Set<ApprovalDecision>();
    public DbSet<ApprovalDelegation> ApprovalDelegations => Set<ApprovalDelegation>();
    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadTag> LeadTags => Set<LeadTag>();
    public DbSet<CustomField> CustomFields => Set<CustomField>();
    public DbSet<CustomFieldValue> CustomFieldValues => Set<CustomFieldValue>();
    public DbSet<LeadComment> LeadComments => Set<LeadComment>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<CustomerPool> CustomerPools => Set<CustomerPool>();
    public DbSet<AssignmentRule> AssignmentRules => Set<AssignmentRule>();
    public DbSet<ReclaimRule> ReclaimRules => Set<ReclaimRule>();
    public DbSet<AutomationRule> AutomationRules => Set<AutomationRule>();
    public DbSet<AutomationRun> AutomationRuns => Set<AutomationRun>();
    public DbSet<AutomationEvent> AutomationEvents => Set<AutomationEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<BlacklistEntry> Blacklist => Set<BlacklistEntry>();
    public DbSet<DictionaryItem> Dictionary => Set<DictionaryItem>();
    public DbSet<LeadImport> LeadImports => Set<LeadImport>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<AgencySetting> Settings => Set<AgencySetting>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    /// <summary>SQL taking this database's audit-append lock inside the current transaction; null where the transaction itself serializes writers (SQLite's BEGIN IMMEDIATE).</summary>
    protected internal virtual string? AuditLockSql => null;

    /// <summary>
    /// Writes the automation events of this save (lead created, field or stage changed …) into the same transaction,
    /// when the context was made for a request or a rule run (<see cref="AutomationEventRecorder"/>); null elsewhere.
    /// </summary>
    internal AutomationEventRecorder? Automation { get; set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var recorded = Automation is { } recorder && await recorder.RecordAsync(this, cancellationToken);
        var appended = AppendedAuditEntries();
        int written;
        if (appended.Count == 0) written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        else if (!acceptAllChangesOnSuccess) throw new InvalidOperationException("Saves with audit entries always accept their changes.");
        else written = await AuditLog.SaveChainedAsync(this, appended, () => base.SaveChangesAsync(true, cancellationToken), cancellationToken);
        if (recorded) Automation!.Saved();
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => AppendedAuditEntries().Count == 0
        ? base.SaveChanges(acceptAllChangesOnSuccess)
        : throw new InvalidOperationException("Audit entries are linked into their chain by SaveChangesAsync only.");

    private List<AuditEntry> AppendedAuditEntries() =>
        ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AgencyUser>(u =>
        {
            u.Property(x => x.FullName).HasMaxLength(50);
            u.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            u.HasIndex(x => x.PhoneNumber).IsUnique();
            u.HasIndex(x => x.TeamId);
        });
        builder.Entity<SalesTeam>(t =>
        {
            t.Property(x => x.Name).HasMaxLength(50);
            t.Property(x => x.Region).HasMaxLength(50);
            t.HasIndex(x => x.Name).IsUnique();
        });
        builder.Entity<RoleSetting>(r =>
        {
            r.HasKey(x => x.Role);
            r.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.DataScope).HasConversion<string>().HasMaxLength(10);
        });
        builder.Entity<FunnelBoard>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(50);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasMany(x => x.Stages).WithOne().HasForeignKey(s => s.BoardId);
        });
        builder.Entity<FunnelStage>(s =>
        {
            s.Property(x => x.Key).HasMaxLength(30);
            s.Property(x => x.Name).HasMaxLength(30);
            s.Property(x => x.Color).HasMaxLength(9);
            s.Property(x => x.Category).HasConversion<string>().HasMaxLength(10);
            s.HasIndex(x => new { x.BoardId, x.Key }).IsUnique();
            s.Property(x => x.Requirements).HasConversion(
                    v => string.Join(',', v),
                    v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<StageRequirement>).ToList(),
                    new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<StageRequirement>>(
                        (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, r) => HashCode.Combine(h, r)), v => v.ToList()))
                .HasMaxLength(200);
        });
        builder.Entity<LeadComment>(c =>
        {
            c.Property(x => x.AuthorId).HasMaxLength(450);
            c.Property(x => x.AuthorName).HasMaxLength(100);
            c.Property(x => x.Text).HasMaxLength(LeadComment.MaxLength);
            c.Property(x => x.MentionIds).HasConversion(
                    v => string.Join(',', v),
                    v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                    new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                        (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, m) => HashCode.Combine(h, m)), v => v.ToList()))
                .HasMaxLength(4000);
            c.HasIndex(x => new { x.LeadId, x.CreatedAt });
        });
        builder.Entity<LeadStageChange>(c =>
        {
            c.Property(x => x.MovedById).HasMaxLength(450);
            c.Property(x => x.MovedByName).HasMaxLength(100);
            c.HasIndex(x => new { x.LeadId, x.MovedAt });
            c.HasIndex(x => x.MovedAt);
        });
        builder.Entity<LoanProduct>(p =>
        {
            p.Property(x => x.Code).HasMaxLength(30);
            p.HasIndex(x => x.Code).IsUnique();
            p.Property(x => x.Name).HasMaxLength(100);
            p.Property(x => x.Lender).HasMaxLength(100);
            p.Property(x => x.LoanType).HasMaxLength(20);
            p.Property(x => x.LenderKind).HasConversion<string>().HasMaxLength(20);
            foreach (var money in new[] { nameof(LoanProduct.MinAmountWan), nameof(LoanProduct.MaxAmountWan) })
                p.Property(money).HasPrecision(18, 2);
            foreach (var rate in new[] { nameof(LoanProduct.MinAnnualRate), nameof(LoanProduct.MaxAnnualRate), nameof(LoanProduct.ServiceFeeRate) })
                p.Property(rate).HasPrecision(9, 4);
            p.Property(x => x.Eligibility).HasJsonConversion(8000);
            p.Property(x => x.ApprovalFlowKey).HasMaxLength(50);
            p.Property(x => x.Version).IsConcurrencyToken();
        });
        builder.Entity<ApprovalFlowVersion>(f =>
        {
            f.Property(x => x.FlowKey).HasMaxLength(50);
            f.Property(x => x.Name).HasMaxLength(100);
            f.Property(x => x.Revision).IsConcurrencyToken();
            f.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            f.HasIndex(x => new { x.FlowKey, x.Version }).IsUnique();
            f.Property(x => x.Definition).HasJsonConversion(100_000);
        });
        builder.Entity<AuditEntry>(a =>
        {
            a.Property(x => x.ActorId).HasMaxLength(450);
            a.Property(x => x.ActorName).HasMaxLength(50);
            a.Property(x => x.Action).HasMaxLength(50);
            a.Property(x => x.EntityType).HasMaxLength(50);
            a.Property(x => x.EntityId).HasMaxLength(100);
            a.Property(x => x.PreviousHash).HasMaxLength(64);
            a.Property(x => x.Hash).HasMaxLength(64);
            a.HasIndex(x => x.At);
            a.HasIndex(x => new { x.EntityType, x.EntityId });
        });
        builder.ApplyConfigurationsFromAssembly(typeof(AgencyDbContext).Assembly, t => t.Namespace == typeof(EntityConfigurations.LeadEntityTypeConfiguration).Namespace);
    }
}
