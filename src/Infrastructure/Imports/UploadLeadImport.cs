using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Imports;

public sealed record UploadLeadImportRequest(Stream Content, string FileName, long Size);

public sealed record UploadedImport(
    Guid ImportId, string FileName, ImportFileFormat Format, IReadOnlyList<string> Headers, IReadOnlyList<ImportField> Mapping,
    int RowCount, DuplicatePolicy DefaultPolicy);

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
        var (headers, rows, problem) = Inspect(tenantId, protector, import, inspector.Encoding);
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
        return Result<UploadedImport>.Ok(new UploadedImport(import.Id, import.FileName, import.Format,
            headers.Select(h => h ?? "").ToList(), mapping, rows, await ImportMappingMemory.DefaultPolicyAsync(db, ct)));
    }

    /// <summary>Reads the stored file once: its header row and how many data rows follow.</summary>
    private (IReadOnlyList<string?> Headers, int Rows, string? Problem) Inspect(Guid tenantId, PersonalDataProtector protector, LeadImport import, string? encoding)
    {
        import.Mapping = new ImportPlan { Encoding = encoding }.ToJson();
        try
        {
            IReadOnlyList<string?>? headers = null;
            var rows = 0;
            foreach (var row in ImportSource.Rows(files, tenantId, protector, import))
            {
                if (headers is not null) { rows++; continue; }
                headers = row.Select(c => c?.Trim()).ToList();
                if (headers.Count > ImportLimits.MaxColumns) return (headers, 0, "TooManyColumns");
            }
            if (headers is null) return ([], 0, "Empty");
            return (headers, rows, rows == 0 ? "NoRows" : null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not System.Security.Cryptography.CryptographicException)
        {
            // A zip that is not a workbook, or a damaged one: the readers throw many kinds of exceptions.
            return ([], 0, "WrongType");
        }
    }

    private static string ShortName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        return name.Length > 255 ? name[^255..] : name;
    }

    private static Result<UploadedImport> Refused(string code) => Result<UploadedImport>.Fail("File", code);
}
