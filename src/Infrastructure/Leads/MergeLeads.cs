using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>Merge <see cref="MergedId"/> into <see cref="SurvivorId"/>; both versions are the ones the actor saw.</summary>
public sealed record MergeLeadsRequest(Guid SurvivorId, long SurvivorVersion, Guid MergedId, long MergedVersion);

/// <summary>
/// Merges two records of one person. The survivor fills its empty fields from the other and takes its tags and
/// follow-ups; the merged lead stays in the table as Merged (pointing at the survivor), so both histories remain and
/// its audit trail still reads as it happened. Refused when either lead changed since the actor looked.
/// </summary>
public sealed class MergeLeads(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result> HandleAsync(MergeLeadsRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var pair = await db.Leads.Include(l => l.Tags).Include(l => l.CustomValues).VisibleTo(user)
            .Where(l => l.Id == request.SurvivorId || l.Id == request.MergedId).ToListAsync(ct);
        var survivor = pair.FirstOrDefault(l => l.Id == request.SurvivorId);
        var merged = pair.FirstOrDefault(l => l.Id == request.MergedId);
        if (survivor is null || merged is null) return Result.Fail("Lead", "NotFound");
        if (MergeLeadsRules.Refusal(survivor, merged) is { } refusal) return Result.Fail([refusal]);
        if (survivor.Version != request.SurvivorVersion || merged.Version != request.MergedVersion) return Result.Fail("", "ChangedByOthers");

        var now = time.GetUtcNow();
        var changes = MergeLeadsRules.Apply(survivor, merged);
        var followUps = await db.FollowUps.Where(f => f.LeadId == merged.Id || f.LeadId == survivor.Id).ToListAsync(ct);
        var moved = followUps.Where(f => f.LeadId == merged.Id).ToList();
        foreach (var followUp in moved) followUp.LeadId = survivor.Id;
        survivor.NextFollowUpAt = MergeLeadsRules.NextFollowUp(survivor, merged, followUps);
        survivor.LastFollowUpAt = MergeLeadsRules.Latest(survivor.LastFollowUpAt, merged.LastFollowUpAt);
        survivor.FollowUpCount += moved.Count;
        merged.FollowUpCount = 0;
        survivor.UpdatedAt = now;
        survivor.Version++;

        merged.Status = LeadStatus.Merged;
        merged.MergedIntoId = survivor.Id;
        merged.NextFollowUpAt = null;
        merged.UpdatedAt = now;
        merged.Version++;

        var actor = new AuditActor(user.UserId, user.FullName);
        audit.Add(db, actor, "lead.merged", "lead", survivor.Id.ToString(),
            new { merged = merged.Number, mergedId = merged.Id, followUps = moved.Count, changes });
        audit.Add(db, actor, "lead.merged", "lead", merged.Id.ToString(),
            new { into = survivor.Number, intoId = survivor.Id });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Fail("", "ChangedByOthers");
        }

        var topic = LeadEvents.Topic(tenant.Required.Id);
        await live.PublishAsync(topic, LeadEvents.Changed(1, survivor.Id), ct);
        await live.PublishAsync(topic, LeadEvents.Changed(1, merged.Id), ct);
        return Result.Ok();
    }
}
