using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Team;

public sealed record TeamRow(Guid Id, string Name, string? Region, int MemberCount);

public sealed record SaveTeamRequest(Guid? Id, string Name, string? Region);

/// <summary>Teams/regions (团队/区域): list, create, rename.</summary>
public sealed class ManageTeams(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<TeamRow>> ListAsync(CancellationToken ct)
    {
        _ = await current.GetAsync(ct) ?? throw new AccessDeniedException("Not signed in.");
        await using var db = contexts.Create();
        return await db.Teams.AsNoTracking().Where(t => !t.IsArchived).OrderBy(t => t.Name)
            .Select(t => new TeamRow(t.Id, t.Name, t.Region, db.Users.Count(u => u.TeamId == t.Id && u.IsActive)))
            .ToListAsync(ct);
    }

    /// <summary>Active members of the agency (any signed-in member may see the count).</summary>
    public async Task<int> ListMemberCountAsync(CancellationToken ct)
    {
        _ = await current.GetAsync(ct) ?? throw new AccessDeniedException("Not signed in.");
        await using var db = contexts.Create();
        return await db.Users.CountAsync(u => u.IsActive, ct);
    }

    public async Task<Result<Guid>> SaveAsync(SaveTeamRequest request, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.ManageTeam, ct);
        var name = (request.Name ?? "").Trim();
        if (name.Length == 0) return Result<Guid>.Fail("Name", "Required");
        if (name.Length > 50) return Result<Guid>.Fail("Name", "TooLong");
        if (request.Region?.Trim().Length > 50) return Result<Guid>.Fail("Region", "TooLong");
        await using var db = contexts.Create();
        if (await db.Teams.AnyAsync(t => t.Name == name && t.Id != request.Id, ct)) return Result<Guid>.Fail("Name", "TeamNameTaken");
        var team = request.Id is { } id ? await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        if (request.Id is not null && team is null) return Result<Guid>.Fail("", "TeamUnknown");
        if (team is null)
        {
            team = new SalesTeam { Name = name, CreatedAt = time.GetUtcNow() };
            db.Teams.Add(team);
        }
        team.Name = name;
        team.Region = string.IsNullOrWhiteSpace(request.Region) ? null : request.Region.Trim();
        audit.Add(db, new AuditActor(actor.UserId, actor.FullName), request.Id is null ? "team.created" : "team.updated", "team", team.Id.ToString(), new { name, team.Region });
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(team.Id);
    }
}
