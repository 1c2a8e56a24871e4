using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.CustomFields;

/// <summary>
/// Removes a field from forms, lists and imports, or brings it back (needs ManageSettings). Values are never deleted:
/// an archived field's values stay on the leads, in their history and in saved conditions. Refusals: Field.NotFound,
/// Label.Taken (restoring next to an active field of the same name), Field.TooMany, ChangedByOthers.
/// </summary>
public sealed class ArchiveCustomField(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(Guid fieldId, long version, bool archive, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var all = await db.CustomFields.ToListAsync(ct);
        var field = all.FirstOrDefault(f => f.Id == fieldId);
        if (field is null || field.IsArchived == archive) return Result<Guid>.Fail("Field", "NotFound");
        if (field.Version != version) return Result<Guid>.Fail([ConcurrentSave.ChangedByOthers]);
        if (!archive)
        {
            if (all.Count(f => !f.IsArchived) >= CustomField.MaxActive) return Result<Guid>.Fail("Field", "TooMany");
            if (all.Any(f => !f.IsArchived && string.Equals(f.Label, field.Label, StringComparison.OrdinalIgnoreCase))) return Result<Guid>.Fail("Label", "Taken");
        }
        field.IsArchived = archive;
        field.UpdatedAt = time.GetUtcNow();
        field.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), archive ? "field.archived" : "field.restored", "field", field.Id.ToString(), new { label = field.Label });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        await live.PublishAsync(CustomFieldEvents.Topic(tenant.Required.Id), CustomFieldEvents.Changed(field.Id), ct);
        return Result<Guid>.Ok(field.Id);
    }
}
