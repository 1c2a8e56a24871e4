using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Team;

public sealed record MemberRow(
    string Id, string FullName, string? Mobile, string? Email, AgencyRole Role, Guid? TeamId, string? TeamName,
    bool IsActive, bool IsLockedOut, bool IsInvitePending, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt, string ConcurrencyStamp,
    DataScope Scope);

/// <summary>The agency's members for the team page (owner/admin).</summary>
public sealed class ListMembers(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<IReadOnlyList<MemberRow>> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageTeam, ct);
        await using var db = contexts.Create();
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var scopes = await db.RoleSettings.AsNoTracking().ToDictionaryAsync(r => r.Role, r => r.DataScope, ct);
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var now = time.GetUtcNow();
        return users
            .OrderBy(u => u.Role).ThenBy(u => u.FullName, StringComparer.Ordinal)
            .Select(u => new MemberRow(u.Id, u.FullName, u.PhoneNumber, u.Email, u.Role,
                u.TeamId, u.TeamId is { } t && teams.TryGetValue(t, out var name) ? name : null,
                u.IsActive, u.LockoutEnd > now, u.InvitedAt is not null && u.PasswordHash is null,
                u.CreatedAt, u.LastLoginAt, u.ConcurrencyStamp ?? "",
                scopes.TryGetValue(u.Role, out var scope) ? scope : AgencyRoles.ScopeOf(u.Role)))
            .ToList();
    }
}
