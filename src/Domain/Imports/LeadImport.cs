namespace LoanSaaS.Domain.Imports;

/// <summary>One uploaded file and what became of its rows; kept so nothing half-imported is left unexplained.</summary>
public sealed class LeadImport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string FileName { get; set; }
    public ImportFileFormat Format { get; set; }
    public long FileSize { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Uploaded;
    /// <summary>JSON: source column index → <see cref="ImportField"/>.</summary>
    public string? Mapping { get; set; }
    public Leads.DuplicatePolicy DuplicatePolicy { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Duplicates { get; set; }
    public int Rejected { get; set; }
    public string? Error { get; set; }
    /// <summary>Encrypted stored file of the upload, and of the rejected rows once finished.</summary>
    public string? SourceFileId { get; set; }
    public string? RejectedFileId { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long Version { get; set; }
}
