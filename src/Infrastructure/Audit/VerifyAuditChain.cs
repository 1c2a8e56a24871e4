using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Audit;

/// <summary>
/// Checks the agency's whole audit chain (streamed, so a million entries never sit in memory) and reports the first
/// entry where it breaks. The check itself is audited, after the walk, so it never checks its own entry.
/// </summary>
public sealed class VerifyAuditChain(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit)
{
    public async Task<AuditChainCheck> HandleAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ViewAuditLog, ct);
        await using var db = contexts.Create();
        var check = await AuditLog.CheckChainAsync(db, ct);
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "audit.verified", "audit", null,
            new { ok = check.IsIntact, entries = check.EntryCount, brokenAt = check.BrokenEntryId, reason = check.Break?.ToString() });
        await db.SaveChangesAsync(ct);
        return check;
    }
}
