using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Imports;

public sealed record ImportOwner(string UserId, string FullName);

/// <summary>Who may be made owner of imported leads: active members in the importer's scope (their team, or everyone).</summary>
public sealed class ListImportOwners(ICurrentUserAccessor current, ITenantDbContextFactory contexts)
{
    public async Task<IReadOnlyList<ImportOwner>> HandleAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        return await Assignable(db.Users.AsNoTracking(), user).OrderBy(u => u.FullName)
            .Select(u => new ImportOwner(u.Id, u.FullName)).ToListAsync(ct);
    }

    internal static IQueryable<AgencyUser> Assignable(IQueryable<AgencyUser> users, CurrentUser user)
    {
        users = users.Where(u => u.IsActive && u.InvitedAt == null);
        return user.Scope switch
        {
            DataScope.All => users,
            DataScope.Team when user.TeamId is { } team => users.Where(u => u.TeamId == team || u.Id == user.UserId),
            _ => users.Where(u => u.Id == user.UserId),
        };
    }
}
