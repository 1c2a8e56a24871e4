using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Approvals;

/// <param name="IsMine">True: the member delegates to <see cref="OtherName"/>; false: <see cref="OtherName"/> delegates to the member.</param>
public sealed record ApprovalDelegationRow(Guid Id, long Version, bool IsMine, string OtherId, string OtherName, DateOnly StartsOn, DateOnly EndsOn, string? Reason, bool IsActiveToday);

public sealed record ApprovalDelegationList(IReadOnlyList<ApprovalDelegationRow> Rows, IReadOnlyList<(string Id, string Name)> Colleagues);

/// <summary>The signed-in member's delegations not yet over, both ways, and the active colleagues they may name.</summary>
public sealed class ListApprovalDelegations(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<ApprovalDelegationList> HandleAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct) ?? throw new Common.AccessDeniedException("Not signed in.");
        await using var db = contexts.Create();
        var today = Shanghai.Today(time);
        var rows = await db.ApprovalDelegations.AsNoTracking()
            .Where(d => (d.FromUserId == user.UserId || d.ToUserId == user.UserId) && d.ClearedAt == null && d.EndsOn >= today)
            .OrderBy(d => d.StartsOn).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.FullName, u.IsActive }).ToListAsync(ct);
        string Name(string id) => names.FirstOrDefault(n => n.Id == id)?.FullName ?? "";
        return new ApprovalDelegationList(
            rows.Select(d =>
            {
                var mine = d.FromUserId == user.UserId;
                var other = mine ? d.ToUserId : d.FromUserId;
                return new ApprovalDelegationRow(d.Id, d.Version, mine, other, Name(other), d.StartsOn, d.EndsOn, d.Reason, d.IsActiveOn(today));
            }).ToList(),
            names.Where(n => n.IsActive && n.Id != user.UserId).OrderBy(n => n.FullName).Select(n => (n.Id, n.FullName)).ToList());
    }
}
