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

/// <summary>An edit made in a list row: the intent level and the tags, against the version the row showed.</summary>
public sealed record LeadInlineEdit(Guid LeadId, long ExpectedVersion, IntentLevel? Intent, IReadOnlyList<string> Tags);

/// <summary>
/// Saves an inline edit of intent and tags. A row that someone else changed since it was shown is refused with
/// ChangedByOthers and nothing is overwritten; the change is audited field by field and announced live.
/// </summary>
public sealed class UpdateLeadInline(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<long>> HandleAsync(LeadInlineEdit edit, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var tags = LeadFieldText.SplitTags(string.Join(',', edit.Tags));
        if (tags.Count > LeadTag.MaxPerLead) return Result<long>.Fail("Tags", "TooMany");
        if (tags.Any(t => t.Length > LeadTag.MaxLength)) return Result<long>.Fail("Tags", "TooLong");

        await using var db = contexts.Create();
        var lead = await db.Leads.Include(l => l.Tags).VisibleTo(user)
            .FirstOrDefaultAsync(l => l.Id == edit.LeadId && l.Status != LeadStatus.Merged, ct);
        if (lead is null) return Result<long>.Fail("Lead", "NotFound");
        if (lead.Version != edit.ExpectedVersion) return Result<long>.Fail("Lead", "ChangedByOthers");

        var changes = new List<FieldChange>();
        if (lead.Intent != edit.Intent)
        {
            changes.Add(new FieldChange("Intent", lead.Intent?.ToString(), edit.Intent?.ToString()));
            lead.Intent = edit.Intent;
        }
        var before = lead.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList();
        if (!before.SequenceEqual(tags.Order(StringComparer.Ordinal)))
        {
            changes.Add(new FieldChange("Tags", string.Join('、', before), string.Join('、', tags)));
            lead.Tags.RemoveAll(t => !tags.Contains(t.Tag));
            lead.Tags.AddRange(tags.Where(t => !before.Contains(t)).Select(t => new LeadTag { LeadId = lead.Id, Tag = t }));
        }
        if (changes.Count == 0) return Result<long>.Ok(lead.Version);

        lead.Version++;
        lead.UpdatedAt = time.GetUtcNow();
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "lead.updated", "lead", lead.Id.ToString(), new { channel = "inline", changes });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<long>.Fail("Lead", "ChangedByOthers");
        }
        await live.PublishAsync(LeadEvents.Topic(tenant.Required.Id), LeadEvents.Changed(1, lead.Id), ct);
        return Result<long>.Ok(lead.Version);
    }
}
