using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>Reading an import's stored upload, and finding imports the member may see (all with an agency-wide scope, else their own).</summary>
public static class ImportSource
{
    /// <summary>The rows of the stored upload, header row first; the file is closed when the enumeration ends.</summary>
    public static IEnumerable<string?[]> Rows(EncryptedFileStore files, Guid tenantId, PersonalDataProtector protector, LeadImport import)
    {
        using var stream = files.OpenRead(tenantId, protector, import.SourceFileId ?? throw new InvalidOperationException("The import has no stored file."));
        foreach (var row in ImportFileReader.Rows(stream, import.Format, ImportPlan.Parse(import.Mapping).Encoding))
            yield return row;
    }

    public static int? EstimatedRows(EncryptedFileStore files, Guid tenantId, PersonalDataProtector protector, LeadImport import)
    {
        using var stream = files.OpenRead(tenantId, protector, import.SourceFileId ?? throw new InvalidOperationException("The import has no stored file."));
        return ImportFileReader.EstimatedRows(stream, import.Format);
    }

    public static IReadOnlyList<string?> Headers(EncryptedFileStore files, Guid tenantId, PersonalDataProtector protector, LeadImport import) =>
        Rows(files, tenantId, protector, import).FirstOrDefault() ?? [];

    public static IQueryable<LeadImport> VisibleTo(this IQueryable<LeadImport> imports, CurrentUser user) =>
        user.Scope == DataScope.All ? imports : imports.Where(i => i.CreatedById == user.UserId);

    public static Task<LeadImport?> FindAsync(AgencyDbContext db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.LeadImports.VisibleTo(user).FirstOrDefaultAsync(i => i.Id == id, ct);
}
