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
/// Moves a field one place up or down in the form (needs ManageSettings), against the version of the field it moves.
/// Refusals: Field.NotFound, ChangedByOthers.
/// </summary>
public sealed class ReorderCustomFields(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live)
{
    public async Task<Result> HandleAsync(Guid fieldId, long version, int direction, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var active = await db.CustomFields.Where(f => !f.IsArchived).OrderBy(f => f.Order).ThenBy(f => f.CreatedAt).ToListAsync(ct);
        var index = active.FindIndex(f => f.Id == fieldId);
        if (index < 0) return Result.Fail("Field", "NotFound");
        if (active[index].Version != version) return Result.Fail([ConcurrentSave.ChangedByOthers]);
        if (!Reordering.Move(active, index, direction, f => f.Order, (f, i) => (f.Order, f.Version) = (i, f.Version + 1))) return Result.Ok();
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "field.reordered", "field", fieldId.ToString(), new { order = active.Select(f => f.Label) });
        var saved = await ConcurrentSave.SaveAsync(db, ct);
        if (saved.Succeeded) await live.PublishAsync(CustomFieldEvents.Topic(tenant.Required.Id), CustomFieldEvents.Changed(fieldId), ct);
        return saved;
    }
}
