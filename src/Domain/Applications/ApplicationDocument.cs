namespace LoanSaaS.Domain.Applications;

/// <summary>
/// A file uploaded to a loan application for one checklist item (身份证正反面, 银行流水 … or <see cref="ApplicationChecklist.Other"/>).
/// The content is stored encrypted under <see cref="StorageKey"/>; its type was decided from its first bytes. A replacement
/// is a new row whose <see cref="ReplacesId"/> names the replaced one, which is then <see cref="IsSuperseded"/>, so the
/// history stays.
/// </summary>
public sealed class ApplicationDocument
{
    public const int MaxItemLength = 50;
    public const int MaxFileNameLength = 255;
    public const int MaxReasonLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public required string Item { get; set; }
    public required string FileName { get; set; }

    /// <summary>The sniffed type (image/jpeg, image/png, image/webp, application/pdf), never the browser's claim.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StorageKey { get; set; }

    public DocumentStatus Status { get; set; } = DocumentStatus.Pending;
    public string? Reason { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    public required string UploadedById { get; set; }
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    public Guid? ReplacesId { get; set; }
    public bool IsSuperseded { get; set; }

    /// <summary>Concurrency token: two reviewers deciding the same document at once, one wins.</summary>
    public long Version { get; set; }
}
