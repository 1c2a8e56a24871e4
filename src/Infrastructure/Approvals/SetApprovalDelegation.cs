using LoanSaaS.Domain.Approvals;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

public sealed record SetApprovalDelegationRequest(string? ToUserId, DateOnly? StartsOn, DateOnly? EndsOn, string? Reason = null);

/// <summary>
/// 我的代理: the signed-in member names a colleague to see and decide their approval tasks from one Shanghai day through
/// another. A member has one delegation at a time: a new one ends the ones not yet over. Refusals: ToUserId.Required /
/// Self / Unknown, StartsOn.Required, EndsOn.Required / BeforeStart / Past / TooLong, Reason.TooLong.
/// </summary>
public sealed class SetApprovalDelegation(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(SetApprovalDelegationRequest request, CancellationToken ct)
    {
        var user = await current.GetAsync(ct) ?? throw new AccessDeniedException("Not signed in.");
        await using var db = contexts.Create();
        var now = time.GetUtcNow();
        var today = Shanghai.DateOf(now);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(request.ToUserId)) errors.Add(new("ToUserId", "Required"));
        else if (request.ToUserId == user.UserId) errors.Add(new("ToUserId", "Self"));
        else if (!await db.Users.AnyAsync(u => u.Id == request.ToUserId && u.IsActive, ct)) errors.Add(new("ToUserId", "Unknown"));
        if (request.StartsOn is null) errors.Add(new("StartsOn", "Required"));
        if (request.EndsOn is not { } ends) errors.Add(new("EndsOn", "Required"));
        else if (request.StartsOn is { } starts && ends < starts) errors.Add(new("EndsOn", "BeforeStart"));
        else if (ends < today) errors.Add(new("EndsOn", "Past"));
        else if (request.StartsOn is { } s && ends.DayNumber - s.DayNumber >= ApprovalDelegation.MaxDays) errors.Add(new("EndsOn", "TooLong"));
        if (reason?.Length > ApprovalDelegation.MaxReasonLength) errors.Add(new("Reason", "TooLong"));
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        foreach (var old in await db.ApprovalDelegations.Where(d => d.FromUserId == user.UserId && d.ClearedAt == null && d.EndsOn >= today).ToListAsync(ct))
            (old.ClearedAt, old.Version) = (now, old.Version + 1);
        var delegation = new ApprovalDelegation
        {
            FromUserId = user.UserId, ToUserId = request.ToUserId!, StartsOn = request.StartsOn!.Value, EndsOn = request.EndsOn!.Value, Reason = reason, CreatedAt = now, Version = 1,
        };
        db.ApprovalDelegations.Add(delegation);
        var to = await db.Users.AsNoTracking().Where(u => u.Id == delegation.ToUserId).Select(u => u.FullName).FirstAsync(ct);
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "approval.delegated", "delegation", delegation.Id.ToString(), new
        {
            to, toId = delegation.ToUserId, from = delegation.StartsOn.ToString("O"), until = delegation.EndsOn.ToString("O"), reason,
        });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        return Result<Guid>.Ok(delegation.Id);
    }
}
