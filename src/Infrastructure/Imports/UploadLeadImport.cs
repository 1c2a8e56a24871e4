using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Imports;

public sealed record UploadLeadImportRequest(Stream Content, string FileName, long Size);

public sealed record UploadedImport(
    Guid ImportId, string FileName, ImportFileFormat Format, IReadOnlyList<string> Headers, IReadOnlyList<ImportField> Mapping,
    int RowCount, bool RowCountEstimated, DuplicatePolicy DefaultPolicy)
{
    /// <summary>Columns whose header names one of the agency's own fields: column → field id.</summary>
    public IReadOnlyDictionary<int, Guid> CustomMapping { get; init; } = new Dictionary<int, Guid>();
    /// <summary>The agency's active fields, offered as mapping targets.</summary>
    public IReadOnlyList<Domain.CustomFields.CustomField> CustomFields { get; init; } = [];
}

/// <summary>
/// Step 1 of an import: checks and stores the file (encrypted), reads its header row and suggests a mapping.
/// Refusals have stable codes on the field "File": WrongType, Empty, NoRows, TooLarge, TooManyColumns, NoKnownColumns.
/// </summary>
public sealed class UploadLeadImport(ICurrentUserAccessor current, TenantContext tenant, TenantPersonalData personalData,
    EncryptedFileStore files, ITenantDbContextFactory contexts, TimeProvider time)
{
    public async Task<Result<UploadedImport>> HandleAsync(UploadLeadImportRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        ImportFileFormat? format = Path.GetExtension(request.FileName).ToLowerInvariant() switch
        {
            ".xlsx" => ImportFileFormat.Xlsx,
            ".csv" => ImportFileFormat.Csv,
            _ => null,
        };
        if (format is null) return Refused("WrongType");
        if (request.Size > ImportLimits.MaxFileBytes) return Refused("TooLarge");

        var tenantId = tenant.Required.Id;
        var protector = await personalData.GetAsync(ct);
        var inspector = new UploadInspector(format.Value);
        StoredFile stored;
        try
        {
            stored = await files.CreateAsync(tenantId, protector, (target, token) => inspector.CopyAsync(request.Content, target, token), ct);
        }
        catch (UploadRefusedException refused)
        {
            return Refused(refused.Code);
        }

        var import = new LeadImport
        {
            FileName = ShortName(request.FileName),
            Format = format.Value, FileSize = stored.Length, SourceFileId = stored.Id,
            CreatedById = user.UserId, CreatedByName = user.FullName, CreatedAt = time.GetUtcNow(),
        };
        var (headers, rows, estimated, problem) = Inspect(tenantId, protector, import, inspector.Encoding);
        await using var db = contexts.Create();
        var mapping = problem is null ? await ImportMappingMemory.SuggestAsync(db, headers, ct) : [];
        problem ??= mapping.All(f => f == ImportField.Ignore) ? "NoKnownColumns" : null;
        if (problem is not null)
        {
            files.Delete(tenantId, stored.Id);
            return Refused(problem);
        }

        import.TotalRows = rows;
        import.Mapping = new ImportPlan { Encoding = inspector.Encoding, ColumnCount = headers.Count }.WithFields(mapping).ToJson();
        db.LeadImports.Add(import);
        await db.SaveChangesAsync(ct);
        var fields = (await CustomFieldSet.LoadAsync(db, ct)).Active;
        return Result<UploadedImport>.Ok(new UploadedImport(import.Id, import.FileName, import.Format,
            headers.Select(h => h ?? "").ToList(), mapping, rows, estimated, await ImportMappingMemory.DefaultPolicyAsync(db, ct))
        {
            CustomMapping = SuggestCustom(headers, mapping, fields), CustomFields = fields,
        });
    }

    /// <summary>Unmapped columns headed like one of the agency's fields ("名下房产", "社保缴纳基数（元）"), each field once.</summary>
    private static Dictionary<int, Guid> SuggestCustom(IReadOnlyList<string?> headers, IReadOnlyList<ImportField> mapping, IReadOnlyList<Domain.CustomFields.CustomField> fields)
    {
        var byLabel = fields.GroupBy(f => ImportHeaderMapper.Normalize(f.Label)).ToDictionary(g => g.Key, g => g.First().Id);
        var result = new Dictionary<int, Guid>();
        for (var i = 0; i < headers.Count; i++)
            if (mapping[i] == ImportField.Ignore && headers[i] is { } h && byLabel.TryGetValue(ImportHeaderMapper.Normalize(h), out var id) && !result.ContainsValue(id))
                result[i] = id;
        return result;
    }

    /// <summary>
    /// Reads the stored file's header row and how many data rows follow. A workbook is not read further than its first
    /// data row: parsing every row of a big sheet to count them cost a tenth of the import. Its count is an estimate
    /// (see <see cref="ImportFileReader.EstimatedRows"/>); the run records the exact one.
    /// </summary>
    private (IReadOnlyList<string?> Headers, int Rows, bool Estimated, string? Problem) Inspect(Guid tenantId, PersonalDataProtector protector, LeadImport import, string? encoding)
    {
        import.Mapping = new ImportPlan { Encoding = encoding }.ToJson();
        try
        {
            var estimate = ImportSource.EstimatedRows(files, tenantId, protector, import);
            IReadOnlyList<string?>? headers = null;
            var rows = 0;
            foreach (var row in ImportSource.Rows(files, tenantId, protector, import))
            {
                if (headers is not null)
                {
                    rows++;
                    if (estimate is not null) break;
                    continue;
                }
                headers = row.Select(c => c?.Trim()).ToList();
                if (headers.Count > ImportLimits.MaxColumns) return (headers, 0, false, "TooManyColumns");
            }
            if (headers is null) return ([], 0, false, "Empty");
            if (rows == 0) return (headers, 0, false, "NoRows");
            return estimate is { } about ? (headers, Math.Max(about - 1, rows), true, null) : (headers, rows, false, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not System.Security.Cryptography.CryptographicException)
        {
            // A zip that is not a workbook, or a damaged one: the readers throw many kinds of exceptions.
            return ([], 0, false, "WrongType");
        }
    }

    private static string ShortName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        return name.Length > 255 ? name[^255..] : name;
    }

    private static Result<UploadedImport> Refused(string code) => Result<UploadedImport>.Fail("File", code);
}
