using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <summary>A document's decrypted content with the type sniffed at upload.</summary>
public sealed record DocumentContent(Stream Content, string ContentType, string FileName);

/// <summary>
/// Opens a document for viewing in the browser, for members who may read its application (its sales side and
/// reviewers); every view is audited (<c>application.document.viewed</c>). Null — "not found" — for anything else,
/// including another application's document id.
/// </summary>
public sealed class OpenApplicationDocument(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, TenantPersonalData personalData,
    EncryptedFileStore files, AuditLog audit)
{
    public async Task<DocumentContent?> HandleAsync(Guid applicationId, Guid documentId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var application = await db.LoanApplications.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null) return null;
        var document = await db.ApplicationDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == application.Id, ct);
        if (document is null) return null;

        ApplicationAccess.Audit(audit, db, user, "document.viewed", application, new { item = document.Item, file = document.FileName });
        await db.SaveChangesAsync(ct);
        var content = files.OpenRead(tenant.Required.Id, await personalData.GetAsync(ct), document.StorageKey);
        return new DocumentContent(content, document.ContentType, document.FileName);
    }
}
