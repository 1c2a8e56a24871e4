using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Funnels;

/// <param name="ExpectedVersion">The card's version as the mover saw it; a card changed since then is not moved.</param>
public sealed record MoveCardRequest(Guid LeadId, Guid ToStageId, long ExpectedVersion);

public sealed record MovedCard(Guid LeadId, Guid StageId, long Version);

/// <summary>
/// Moves a lead's card to another stage of its board, or of another board (the lead changes pipeline): the viewer's scope, the card's version, the stage's entry
/// requirements and WIP limit decide; the move is recorded in the stage history and the audit log, then announced live.
/// Refusals: Lead.NotFound, Lead.ChangedByOthers, Stage.NotFound / SameStage / StageUnavailable (archived) / WipLimitReached, and
/// Stage.MissingFields followed by one Requirement.{field} per missing field.
/// </summary>
public sealed class MoveCard(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<MovedCard>> HandleAsync(MoveCardRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await db.Leads.VisibleTo(user).FirstOrDefaultAsync(l => l.Id == request.LeadId && l.Status == LeadStatus.Active, ct);
        if (lead is null) return Result<MovedCard>.Fail([LeadDetailAccess.NotFound]);
        var to = await db.FunnelStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.ToStageId, ct);
        if (to is null) return Result<MovedCard>.Fail("Stage", "NotFound");
        var fromId = lead.StageId;
        var from = fromId is null ? null : await db.FunnelStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == fromId, ct);
        // A WIP-limited stage is counted and filled under a lock, so two moves into its last free place cannot both pass.
        await using var transaction = to.WipLimit is null ? null : await db.Database.BeginTransactionAsync(ct);
        if (transaction is not null) await LockStageAsync(db, to.Id, ct);
        var inTarget = to.WipLimit is null ? 0 : await db.Leads.CountAsync(l => l.StageId == to.Id && l.Status == LeadStatus.Active, ct);

        var check = CardMoveRules.Check(lead, request.ExpectedVersion, from, to, inTarget);
        if (!check.IsAllowed) return Result<MovedCard>.Fail(Errors(check));

        var now = time.GetUtcNow();
        lead.EnterStage(to.Id, now);
        LeadDetailAccess.Touch(lead, now);
        db.LeadStageChanges.Add(new LeadStageChange
        {
            LeadId = lead.Id, BoardId = to.BoardId, FromStageId = fromId, ToStageId = to.Id, MovedById = user.UserId, MovedByName = user.FullName, MovedAt = now,
        });
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.moved", "lead", lead.Id.ToString(), new { from = from?.Name, to = to.Name });
        var saved = await LeadDetailAccess.SaveAsync(db, ct);
        if (!saved.Succeeded) return Result<MovedCard>.Fail(saved.Errors);
        if (transaction is not null) await transaction.CommitAsync(ct);

        await live.PublishAsync(BoardEvents.Topic(tenant.Required.Id, to.BoardId), BoardEvents.Moved(lead, fromId, user.UserId), ct);
        if (from is not null && from.BoardId != to.BoardId)
            await live.PublishAsync(BoardEvents.Topic(tenant.Required.Id, from.BoardId), BoardEvents.Moved(lead, fromId, user.UserId), ct);
        await live.PublishAsync(LeadEvents.Topic(tenant.Required.Id), LeadEvents.Moved(lead.Id), ct);
        return Result<MovedCard>.Ok(new MovedCard(lead.Id, to.Id, lead.Version));
    }

    /// <summary>PostgreSQL and SQL Server lock the stage's row; SQLite's transactions (BEGIN IMMEDIATE) already serialize writers.</summary>
    private static Task LockStageAsync(AgencyDbContext db, Guid stageId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"FunnelStages\" WHERE \"Id\" = {stageId} FOR UPDATE", ct);
        if (db.Database.IsSqlServer())
            return db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"FunnelStages\" WITH (UPDLOCK, HOLDLOCK) WHERE \"Id\" = {stageId}", ct);
        return Task.CompletedTask;
    }

    private static IReadOnlyList<FieldError> Errors(MoveCheck check) => check.Refusal switch
    {
        MoveRefusal.ChangedByOthers => [LeadDetailAccess.ChangedByOthers],
        MoveRefusal.MissingFields => [new("Stage", nameof(MoveRefusal.MissingFields)), .. check.Missing.Select(m => new FieldError("Requirement", m.ToString()))],
        _ => [new("Stage", check.Refusal.ToString())],
    };
}
