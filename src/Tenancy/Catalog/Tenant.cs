using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Tenancy.Databases;

namespace LoanSaaS.Tenancy.Catalog;

/// <summary>An agency in the catalog. Its business data lives in its own database.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public TenantState State { get; set; } = TenantState.Provisioning;
    public ProvisioningStep ProvisioningStep { get; set; } = ProvisioningStep.Registered;
    public string? ProvisioningError { get; set; }
    public string Plan { get; set; } = Plans.Trial;
    public DateOnly? TrialEndsOn { get; set; }
    public DatabaseProvider Provider { get; set; }
    /// <summary>Database name (server providers) or file name (SQLite); the server part comes from configuration.</summary>
    public required string DatabaseName { get; set; }
    public string? SchemaVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ActivatedAt { get; set; }
    public DateTimeOffset? SuspendedAt { get; set; }
    public string? SuspendedReason { get; set; }
    /// <summary>The owner from the sign-up form, kept until the owner account exists so a failed provisioning can resume.</summary>
    public PendingOwner? PendingOwner { get; set; }
    /// <summary>The agency's personal-data key, wrapped (AES-GCM) by the platform master key; created on first use.</summary>
    public byte[]? WrappedDataKey { get; set; }
    public long Version { get; set; }
}

public sealed class PendingOwner
{
    public required string Name { get; set; }
    public required string Mobile { get; set; }
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
}
