using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Applications;

/// <param name="Reason">Required to reject; shown to the sales owner, who may then replace the document.</param>
public sealed record ReviewApplicationDocumentRequest(Guid DocumentId, long Version, bool Accept, string? Reason);

/// <summary>
/// A reviewer (<see cref="Permission.ApproveApplications"/>) accepts or rejects a current document of an open
/// application — not of their own; audited. Refusals: Document.NotFound / ChangedByOthers / Superseded / OwnApplication,
/// Application.NotOpen, Reason.Required / TooLong.
/// </summary>
public sealed class ReviewApplicationDocument(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<long>> HandleAsync(ReviewApplicationDocumentRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ApproveApplications, ct);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (!request.Accept && reason is null) return Result<long>.Fail("Reason", "Required");
        if (reason?.Length > ApplicationDocument.MaxReasonLength) return Result<long>.Fail("Reason", "TooLong");

        await using var db = contexts.Create();
        var document = await db.ApplicationDocuments.FirstOrDefaultAsync(d => d.Id == request.DocumentId, ct);
        var application = document is null ? null
            : await db.LoanApplications.VisibleTo(user).FirstOrDefaultAsync(a => a.Id == document.ApplicationId, ct);
        if (document is null || application is null) return Result<long>.Fail("Document", "NotFound");
        if (application.OwnerId == user.UserId) return Result<long>.Fail("Document", "OwnApplication");
        if (document.IsSuperseded) return Result<long>.Fail("Document", "Superseded");
        if (document.Version != request.Version) return Result<long>.Fail("Document", "ChangedByOthers");
        if (!ApplicationInputRules.IsOpen(application.Status)) return Result<long>.Fail("Application", "NotOpen");

        var now = time.GetUtcNow();
        document.Status = request.Accept ? DocumentStatus.Accepted : DocumentStatus.Rejected;
        document.Reason = request.Accept ? null : reason;
        document.ReviewedById = user.UserId;
        document.ReviewedByName = user.FullName;
        document.ReviewedAt = now;
        document.Version++;
        application.UpdatedAt = now;
        ApplicationAccess.Audit(audit, db, user, "document.reviewed", application, new
        {
            item = document.Item, file = document.FileName, decision = document.Status.ToString(), reason = document.Reason,
        });
        var saved = await ConcurrentSave.SaveAsync(db, ct, new FieldError("Document", "ChangedByOthers"));
        if (!saved.Succeeded) return Result<long>.Fail(saved.Errors);
        await ApplicationAccess.PublishChangedAsync(live, tenant, application, ct);
        return Result<long>.Ok(document.Version);
    }
}
