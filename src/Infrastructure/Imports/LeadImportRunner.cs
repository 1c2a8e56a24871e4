using System.Threading.Channels;
using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Infrastructure.Assignment;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>
/// Runs one queued import: streams the stored file and feeds rows to CaptureLeads in batches (one set of seen mobiles
/// and ID numbers for the whole file) — reading and validating the next batch on another thread while the database
/// stores this one — saves the counts after every batch and announces them live, spools rejected rows with their
/// reason and writes them as an encrypted workbook at the end. Ends Completed, or Failed with an error code and the counts so
/// far; the uploader is notified either way.
/// </summary>
public sealed class LeadImportRunner(TenantContext tenant, ITenantDbContextFactory contexts, TenantPersonalData personalData, EncryptedFileStore files,
    CaptureLeads capture, AuditLog audit, ILiveEvents live, TimeProvider time, ILogger<LeadImportRunner> logger)
{
    public const string InterruptedError = "Interrupted";
    public const string UnexpectedError = "Unexpected";

    public async Task RunAsync(Guid importId, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var import = await db.LeadImports.FirstOrDefaultAsync(i => i.Id == importId, ct);
        if (import is not { Status: ImportStatus.Queued }) return;
        import.Status = ImportStatus.Running;
        import.StartedAt = time.GetUtcNow();
        import.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return; // another node took it
        }
        await PublishAsync(import, ct);

        try
        {
            await ImportRowsAsync(db, import, ct);
            import.Status = ImportStatus.Completed;
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException) logger.LogError(e, "Import {ImportId} failed after {Rows} rows", import.Id, import.ProcessedRows);
            import.Status = ImportStatus.Failed;
            import.Error = e is OperationCanceledException ? InterruptedError : UnexpectedError;
        }
        var notified = await FinishAsync(db, import, audit, time);
        await PublishAsync(import, CancellationToken.None);
        foreach (var notification in notified)
            await live.PublishAsync(NotificationEvents.Topic(tenant.Required.Id, notification.UserId), NotificationEvents.Created(notification.Id), CancellationToken.None);
    }

    /// <summary>
    /// Records the end of an import: finish time, audit entry with the counts, a notification to the uploader and one to
    /// each member the assignment rules gave leads of it ("N 条新线索").
    /// </summary>
    internal static async Task<IReadOnlyList<Notification>> FinishAsync(AgencyDbContext db, LeadImport import, AuditLog audit, TimeProvider time)
    {
        import.FinishedAt = time.GetUtcNow();
        import.Version++;
        audit.Add(db, new AuditActor(import.CreatedById, import.CreatedByName),
            import.Status == ImportStatus.Completed ? "import.completed" : "import.failed", "import", import.Id.ToString(),
            new { file = import.FileName, rows = import.ProcessedRows, created = import.Created, updated = import.Updated, duplicates = import.Duplicates, rejected = import.Rejected, error = import.Error });
        var notifications = new List<Notification> { new() { UserId = import.CreatedById, Kind = NotificationKind.ImportFinished, Subject = import.FileName, CreatedAt = import.FinishedAt.Value } };
        notifications.AddRange(await AssignmentRecords.ImportNotificationsAsync(db, import.Id, import.FinishedAt.Value, CancellationToken.None));
        db.Notifications.AddRange(notifications);
        await db.SaveChangesAsync(CancellationToken.None);
        return notifications;
    }

    private async Task ImportRowsAsync(AgencyDbContext db, LeadImport import, CancellationToken ct)
    {
        var tenantId = tenant.Required.Id;
        var protector = await personalData.GetAsync(ct);
        var plan = ImportPlan.Parse(import.Mapping);
        var fields = plan.Fields();
        var options = new CaptureOptions(LeadChannel.Import, new AuditActor(import.CreatedById, import.CreatedByName), import.DuplicatePolicy)
        {
            ImportId = import.Id, OwnerId = plan.OwnerId, AutoAssign = plan.AutoAssign,
            Assignment = plan.AutoAssign && plan.OwnerId is null ? await LeadAssigner.PlanAsync(db, time.GetUtcNow(), ct) : null,
        };
        var rules = await capture.RulesAsync(ct);
        string?[]? header = null;
        Exception? failure = null;
        // The spool is completed even when a batch fails, so the rows rejected so far still reach the rejected-rows file.
        var spool = await files.CreateAsync(tenantId, protector, async (rejected, token) =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var batches = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var reader = Task.Run(() => PrepareBatchesAsync(tenantId, import, fields, plan.CustomColumns, rules, batches.Writer, h => header = h, stop.Token), CancellationToken.None);
            try
            {
                await StoreBatchesAsync(db, import, batches.Reader, options, rules.Custom.Fields, rejected, ct);
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                await stop.CancelAsync();
                await reader;
            }
        }, CancellationToken.None);

        try
        {
            if (failure is null) import.TotalRows = import.ProcessedRows;
            if (import.Rejected > 0)
            {
                var workbook = await files.CreateAsync(tenantId, protector, async (target, token) =>
                {
                    await using var source = files.OpenRead(tenantId, protector, spool.Id);
                    await MiniExcel.SaveAsAsync(target, RejectedRowSpool.Workbook(header ?? [], source), printHeader: false, sheetName: "Sheet1", cancellationToken: token);
                }, CancellationToken.None);
                import.RejectedFileId = workbook.Id;
            }
        }
        finally
        {
            files.Delete(tenantId, spool.Id);
        }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private sealed record PreparedBatch(List<string?[]> Rows, PreparedCapture Capture);

    /// <summary>Reads, maps and validates the file's rows into batches; ends the channel with the reading error, if any.</summary>
    private async Task PrepareBatchesAsync(Guid tenantId, LeadImport import, IReadOnlyList<ImportField> fields, IReadOnlyDictionary<int, Guid> custom,
        CaptureRules rules, ChannelWriter<PreparedBatch> batches, Action<string?[]> header, CancellationToken ct)
    {
        try
        {
            var seenInFile = new HashSet<string>(StringComparer.Ordinal);
            var rows = new List<string?[]>(ImportLimits.BatchSize);
            var first = true;
            foreach (var row in ImportSource.Rows(files, tenantId, rules.Protector, import))
            {
                if (first) { header(row); first = false; continue; }
                rows.Add(row);
                if (rows.Count < ImportLimits.BatchSize) continue;
                await batches.WriteAsync(Prepare(rows), ct);
                rows = new List<string?[]>(ImportLimits.BatchSize);
            }
            if (rows.Count > 0) await batches.WriteAsync(Prepare(rows), ct);
            batches.Complete();

            PreparedBatch Prepare(List<string?[]> cells) =>
                new(cells, CaptureLeads.Prepare(cells.Select(c => ImportRowMapper.ToInput(c, fields, custom)).ToList(), rules, seenInFile));
        }
        catch (Exception e)
        {
            batches.TryComplete(e);
        }
    }

    /// <summary>
    /// Writes the batches in order, checking batch n+1 against the database (blacklist, existing leads) on a second
    /// connection while batch n is written. Two rows in different batches may match one existing lead by different
    /// keys, so a batch re-reads the leads the batch before it updated.
    /// </summary>
    private async Task StoreBatchesAsync(AgencyDbContext db, LeadImport import, ChannelReader<PreparedBatch> batches, CaptureOptions options, CustomFieldSet fields,
        Stream rejected, CancellationToken ct)
    {
        var current = await NextAsync(batches, ct);
        var checking = current is null ? null : capture.CheckAsync(current.Capture, ct);
        IReadOnlySet<Guid> changed = new HashSet<Guid>();
        try
        {
            while (current is not null)
            {
                await using var checkedBatch = await checking!;
                checking = null;
                var next = await NextAsync(batches, ct);
                var writing = capture.WriteAsync(checkedBatch, options, changed, ct);
                if (next is not null) checking = capture.CheckAsync(next.Capture, ct);
                var results = await writing;
                changed = results.Where(r => r.Outcome == CaptureOutcome.Updated).Select(r => r.LeadId!.Value).ToHashSet();
                await RecordBatchAsync(db, import, current, results, fields, rejected, ct);
                current = next;
            }
        }
        finally
        {
            if (checking is not null)
            {
                try
                {
                    await (await checking).DisposeAsync();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The error that ended the loop is the one reported.
                }
            }
        }
    }

    private static async Task<PreparedBatch?> NextAsync(ChannelReader<PreparedBatch> batches, CancellationToken ct) =>
        await batches.WaitToReadAsync(ct) && batches.TryRead(out var batch) ? batch : null;

    private async Task RecordBatchAsync(AgencyDbContext db, LeadImport import, PreparedBatch batch, IReadOnlyList<CaptureResult> results, CustomFieldSet fields,
        Stream rejected, CancellationToken ct)
    {
        for (var i = 0; i < results.Count; i++)
        {
            switch (results[i].Outcome)
            {
                case CaptureOutcome.Created: import.Created++; break;
                case CaptureOutcome.Updated: import.Updated++; break;
                case CaptureOutcome.Duplicate: import.Duplicates++; break;
                default:
                    import.Rejected++;
                    await RejectedRowSpool.WriteAsync(rejected, batch.Rows[i], ImportReasons.Describe(results[i].Errors ?? [], results[i].BlacklistReason, fields), ct);
                    break;
            }
        }
        import.ProcessedRows += batch.Rows.Count;
        import.TotalRows = Math.Max(import.TotalRows, import.ProcessedRows);
        import.Version++;
        await db.SaveChangesAsync(ct);
        await PublishAsync(import, ct);
    }

    private Task PublishAsync(LeadImport import, CancellationToken ct) => Task.WhenAll(
        live.PublishAsync(ImportEvents.Topic(tenant.Required.Id, import.Id), ImportEvents.Progress(import), ct),
        live.PublishAsync(ImportEvents.ListTopic(tenant.Required.Id), ImportEvents.Progress(import), ct));
}
