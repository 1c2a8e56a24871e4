using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>The rejected-rows workbook of an import, decrypted as a stream; the caller disposes it.</summary>
public sealed record RejectedRowsFile(string FileName, Stream Content);

/// <summary>Opens an import's rejected-rows file (it holds personal data from the upload, so the download is audited).</summary>
public sealed class DownloadRejectedRows(ICurrentUserAccessor current, TenantContext tenant, TenantPersonalData personalData,
    EncryptedFileStore files, ITenantDbContextFactory contexts, AuditLog audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<RejectedRowsFile?> HandleAsync(Guid importId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var import = await db.LeadImports.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(i => i.Id == importId, ct);
        if (import?.RejectedFileId is not { } fileId || !files.Exists(tenant.Required.Id, fileId)) return null;

        var protector = await personalData.GetAsync(ct);
        var content = files.OpenRead(tenant.Required.Id, protector, fileId);
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "import.rejected-rows.downloaded", "import", import.Id.ToString(), new { rows = import.Rejected });
        await db.SaveChangesAsync(ct);
        return new RejectedRowsFile($"{Path.GetFileNameWithoutExtension(import.FileName)}-rejected.xlsx", content);
    }
}
