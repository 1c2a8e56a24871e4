namespace LoanSaaS.Domain.Applications;

/// <summary>
/// A customer progress link (进度查询链接): a URL with a random token the sales person sends the borrower, showing the
/// application's stage and next step only. The token is never stored, only its hash, so a database copy opens nothing.
/// </summary>
public sealed class ApplicationProgressLink
{
    public const int DefaultDays = 7;
    public const int MinDays = 1;
    public const int MaxDays = 30;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public required string TokenHash { get; set; }

    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the link went to the borrower by SMS (the outbox), if it did.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedById { get; set; }
    public string? RevokedByName { get; set; }

    public DateTimeOffset? LastViewedAt { get; set; }
    public int ViewCount { get; set; }

    /// <summary>Concurrency token.</summary>
    public long Version { get; set; }

    public ProgressLinkStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? ProgressLinkStatus.Revoked
        : now >= ExpiresAt ? ProgressLinkStatus.Expired
        : ProgressLinkStatus.Active;

    public static bool IsValidDays(int days) => days is >= MinDays and <= MaxDays;
}

public enum ProgressLinkStatus { Active, Expired, Revoked }
