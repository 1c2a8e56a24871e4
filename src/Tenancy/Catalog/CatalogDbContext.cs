using LoanSaaS.Domain.Tenancy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Tenancy.Catalog;

/// <summary>The platform's own database: agencies, platform admins, shared Data Protection keys.</summary>
public abstract class CatalogDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<PlatformAdmin> PlatformAdmins => Set<PlatformAdmin>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(t =>
        {
            t.ToTable("Tenants");
            t.HasKey(x => x.Id);
            t.Property(x => x.Slug).HasMaxLength(SlugRules.MaxLength).IsRequired();
            t.HasIndex(x => x.Slug).IsUnique();
            t.Property(x => x.Name).HasMaxLength(100).IsRequired();
            t.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.ProvisioningStep).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.Provider).HasConversion<string>().HasMaxLength(20);
            t.Property(x => x.Plan).HasMaxLength(30);
            t.Property(x => x.DatabaseName).HasMaxLength(128);
            t.Property(x => x.SchemaVersion).HasMaxLength(150);
            t.Property(x => x.ProvisioningError).HasMaxLength(2000);
            t.Property(x => x.SuspendedReason).HasMaxLength(500);
            t.Property(x => x.Version).IsConcurrencyToken();
            t.Property(x => x.WrappedDataKey).HasMaxLength(128);
            t.OwnsOne(x => x.PendingOwner, o =>
            {
                o.Property(p => p.Name).HasMaxLength(50);
                o.Property(p => p.Mobile).HasMaxLength(20);
                o.Property(p => p.Email).HasMaxLength(256);
                o.Property(p => p.PasswordHash).HasMaxLength(500);
            });
        });
        modelBuilder.Entity<PlatformAdmin>(a =>
        {
            a.ToTable("PlatformAdmins");
            a.HasKey(x => x.Id);
            a.Property(x => x.Email).HasMaxLength(256).IsRequired();
            a.HasIndex(x => x.Email).IsUnique();
            a.Property(x => x.Name).HasMaxLength(50);
            a.Property(x => x.PasswordHash).HasMaxLength(500);
        });
    }
}
