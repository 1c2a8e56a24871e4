using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Tenancy.Live;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>An import as the history list and the progress page show it.</summary>
public sealed record ImportSummary(
    Guid Id, string FileName, ImportFileFormat Format, ImportStatus Status, DuplicatePolicy Policy,
    int TotalRows, int ProcessedRows, int Created, int Updated, int Duplicates, int Rejected, string? Error, bool HasRejectedFile,
    string CreatedByName, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public bool IsRunning => Status is ImportStatus.Queued or ImportStatus.Running;

    /// <summary>0-100: 100 only once finished (the last step after the rows, the rejected-rows file, still counts as running).</summary>
    public int Percent => Status is ImportStatus.Completed or ImportStatus.Failed ? 100
        : TotalRows <= 0 ? 0 : Math.Min(99, (int)(ProcessedRows * 100L / TotalRows));

    public static ImportSummary From(LeadImport i) => new(
        i.Id, i.FileName, i.Format, i.Status, i.DuplicatePolicy, i.TotalRows, i.ProcessedRows, i.Created, i.Updated, i.Duplicates, i.Rejected,
        i.Error, i.RejectedFileId is not null, i.CreatedByName, i.CreatedAt, i.StartedAt, i.FinishedAt);
}

/// <summary>
/// Live topics of imports: one per import (progress after every batch) and one per agency (the history list).
/// Messages carry counts only; pages reload the import through a use case, which checks who may see it.
/// </summary>
public static class ImportEvents
{
    public static LiveTopic Topic(Guid tenantId, Guid importId) => new(tenantId, $"import:{importId}");

    public static LiveTopic ListTopic(Guid tenantId) => new(tenantId, "imports");

    public static LiveMessage Progress(LeadImport i) => new("progress", new Dictionary<string, string>
    {
        ["id"] = i.Id.ToString(),
        ["status"] = i.Status.ToString(),
        ["processed"] = i.ProcessedRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["total"] = i.TotalRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
