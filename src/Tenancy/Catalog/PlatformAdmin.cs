namespace LoanSaaS.Tenancy.Catalog;

/// <summary>An operator of the SaaS itself (apex host, /admin). Not a member of any agency.</summary>
public sealed class PlatformAdmin
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Email { get; set; }
    public required string Name { get; set; }
    public required string PasswordHash { get; set; }
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
