using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Files;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <param name="Size">What the client claims; the copy enforces the limit whatever it says.</param>
/// <param name="ReplacesId">A rejected document this one replaces (its item is taken over).</param>
public sealed record UploadApplicationDocumentRequest(Guid ApplicationId, string Item, Stream Content, string FileName, long Size, Guid? ReplacesId = null);

/// <summary>
/// Files a document under a checklist item of a draft or returned application: checked by its content
/// (<see cref="DocumentInspector"/>), stored encrypted under the agency's file key, waiting for review; audited.
/// Refusals: Application.NotFound / NotEditable, Item.Unknown, Document.NotReplaceable, File.Empty / TooLarge / WrongType / Mismatch.
/// </summary>
public sealed class UploadApplicationDocument(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, TenantPersonalData personalData,
    EncryptedFileStore files, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(UploadApplicationDocumentRequest request, CancellationToken ct) =>
        await UploadAsAsync(await current.RequireAsync(Permission.None, ct), request, ct);

    /// <summary>As <paramref name="user"/> (the demo seeder files sample documents).</summary>
    public async Task<Result<Guid>> UploadAsAsync(CurrentUser user, UploadApplicationDocumentRequest request, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var application = await db.LoanApplications.WorkableBy(user).FirstOrDefaultAsync(a => a.Id == request.ApplicationId, ct);
        if (application is null) return Result<Guid>.Fail([ApplicationAccess.NotFound]);
        if (!ApplicationInputRules.IsEditable(application.Status)) return Result<Guid>.Fail([ApplicationAccess.NotEditable]);

        var item = request.Item.Trim();
        ApplicationDocument? replaced = null;
        if (request.ReplacesId is { } replacesId)
        {
            replaced = await db.ApplicationDocuments.FirstOrDefaultAsync(d => d.Id == replacesId && d.ApplicationId == application.Id, ct);
            if (replaced is not { Status: DocumentStatus.Rejected, IsSuperseded: false }) return Result<Guid>.Fail("Document", "NotReplaceable");
            item = replaced.Item;
        }
        else
        {
            var required = await db.LoanProducts.Where(p => p.Id == application.ProductId).Select(p => p.RequiredDocuments).FirstAsync(ct);
            if (!ApplicationChecklist.Items(required).Contains(item)) return Result<Guid>.Fail("Item", "Unknown");
        }
        if (request.Size > DocumentFormats.MaxBytes) return Result<Guid>.Fail("File", "TooLarge");

        var tenantId = tenant.Required.Id;
        var inspector = new DocumentInspector(request.FileName);
        StoredFile stored;
        try
        {
            stored = await files.CreateAsync(tenantId, await personalData.GetAsync(ct), (target, token) => inspector.CopyAsync(request.Content, target, token), ct);
        }
        catch (UploadRefusedException refused)
        {
            return Result<Guid>.Fail("File", refused.Code);
        }

        var now = time.GetUtcNow();
        var document = new ApplicationDocument
        {
            ApplicationId = application.Id, Item = item, FileName = ShortName(request.FileName), ContentType = inspector.ContentType!,
            Size = stored.Length, StorageKey = stored.Id, UploadedById = user.UserId, UploadedByName = user.FullName, UploadedAt = now,
            ReplacesId = replaced?.Id, Version = 1,
        };
        db.ApplicationDocuments.Add(document);
        if (replaced is not null)
        {
            replaced.IsSuperseded = true;
            replaced.Version++;
        }
        application.UpdatedAt = now;
        ApplicationAccess.Audit(audit, db, user, "document.uploaded", application, new
        {
            item, file = document.FileName, type = document.ContentType, size = document.Size, replaces = replaced?.FileName,
        });
        var saved = await ApplicationAccess.SaveAsync(db, ct);
        if (!saved.Succeeded)
        {
            files.Delete(tenantId, stored.Id);
            return Result<Guid>.Fail(saved.Errors);
        }
        await ApplicationAccess.PublishChangedAsync(live, tenant, application, ct);
        return Result<Guid>.Ok(document.Id);
    }

    private static string ShortName(string fileName)
    {
        var name = Path.GetFileName(fileName.Trim());
        if (name.Length == 0) name = "document";
        return name.Length > ApplicationDocument.MaxFileNameLength ? name[^ApplicationDocument.MaxFileNameLength..] : name;
    }
}
