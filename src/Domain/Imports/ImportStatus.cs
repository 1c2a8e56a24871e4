namespace LoanSaaS.Domain.Imports;

public enum ImportStatus
{
    /// <summary>File stored; waiting for the column mapping.</summary>
    Uploaded,
    Queued,
    Running,
    Completed,
    Failed,
}
