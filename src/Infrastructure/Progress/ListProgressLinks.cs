using LoanSaaS.Domain.Applications;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Applications;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Progress;

public sealed record ProgressLinkRow(
    Guid Id, ProgressLinkStatus Status, string CreatedByName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? SentAt,
    DateTimeOffset? RevokedAt, string? RevokedByName, int ViewCount, DateTimeOffset? LastViewedAt, long Version);

/// <summary>An application's progress links, newest first, with their state now (the tokens themselves are not kept).</summary>
public sealed class ListProgressLinks(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<ProgressLinkRow>>> HandleAsync(Guid applicationId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        if (!await db.LoanApplications.WorkableBy(user).AnyAsync(a => a.Id == applicationId, ct))
            return Result<IReadOnlyList<ProgressLinkRow>>.Fail([ApplicationAccess.NotFound]);
        var now = time.GetUtcNow();
        var links = await db.ApplicationProgressLinks.AsNoTracking().Where(l => l.ApplicationId == applicationId).ToListAsync(ct);
        IReadOnlyList<ProgressLinkRow> rows = links.OrderByDescending(l => l.CreatedAt)
            .Select(l => new ProgressLinkRow(l.Id, l.StatusAt(now), l.CreatedByName, l.CreatedAt, l.ExpiresAt, l.SentAt, l.RevokedAt, l.RevokedByName, l.ViewCount, l.LastViewedAt, l.Version))
            .ToList();
        return Result<IReadOnlyList<ProgressLinkRow>>.Ok(rows);
    }
}
