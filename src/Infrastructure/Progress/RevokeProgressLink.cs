using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Progress;

/// <summary>Ends a progress link at once (the page then shows 链接已失效); version-checked, audited. Revoking twice is a no-op.</summary>
public sealed class RevokeProgressLink(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public static readonly FieldError NotFound = new("Link", "NotFound");

    public async Task<Result> HandleAsync(Guid linkId, long version, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var link = await db.ApplicationProgressLinks.Where(l => l.Id == linkId)
            .Where(l => db.LoanApplications.WorkableBy(user).Any(a => a.Id == l.ApplicationId)).FirstOrDefaultAsync(ct);
        if (link is null) return Result.Fail([NotFound]);
        if (link.RevokedAt is not null) return Result.Ok();
        db.Entry(link).Property(l => l.Version).OriginalValue = version;
        link.RevokedAt = time.GetUtcNow();
        link.RevokedById = user.UserId;
        link.RevokedByName = user.FullName;
        link.Version++;
        audit.Add(db, LeadDetailAccess.Actor(user), "application.progresslink.revoked", "application", link.ApplicationId.ToString(), new { link = link.Id });
        return await ConcurrentSave.SaveAsync(db, ct);
    }
}
