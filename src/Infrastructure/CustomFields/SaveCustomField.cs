using LoanSaaS.Domain.Automation;
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

/// <param name="FieldId">Null adds a field (at the end of the form); else the field to change, at <see cref="Version"/>.</param>
public sealed record SaveCustomFieldRequest(Guid? FieldId, long Version, string? Label, FieldType Type, CustomFieldTarget Target, bool Required,
    decimal? Min, decimal? Max, string? Pattern, string? Hint, IReadOnlyList<string> Options, bool ShowInList);

/// <summary>
/// Adds or changes one of the agency's fields (needs ManageSettings). A field's type is fixed once it exists (its values
/// are stored by type); an option still held by a lead cannot be removed. Refusals: Label.Required / TooLong / Taken,
/// Type.Invalid / Locked, Options.Required / TooMany / Invalid / Repeated / NotAllowed / InUse, Min.NotAllowed / Invalid,
/// Max.BelowMin, Pattern.NotAllowed / Invalid, Hint.TooLong, Field.TooMany, Field.NotFound, ChangedByOthers.
/// </summary>
public sealed class SaveCustomField(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(SaveCustomFieldRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var all = await db.CustomFields.ToListAsync(ct);
        var now = time.GetUtcNow();
        CustomField field;
        if (request.FieldId is { } id)
        {
            var found = all.FirstOrDefault(f => f.Id == id && !f.IsArchived);
            if (found is null) return Result<Guid>.Fail("Field", "NotFound");
            if (found.Version != request.Version) return Result<Guid>.Fail([ConcurrentSave.ChangedByOthers]);
            if (found.Type != request.Type) return Result<Guid>.Fail("Type", "Locked");
            field = found;
        }
        else
        {
            if (all.Count(f => !f.IsArchived) >= CustomField.MaxActive) return Result<Guid>.Fail("Field", "TooMany");
            field = new CustomField { Label = "", Type = request.Type, CreatedAt = now, Order = all.Count == 0 ? 0 : all.Max(f => f.Order) + 1 };
        }

        var removed = field.Options.Except(request.Options.Select(o => o.Trim())).ToList();
        (field.Label, field.Target, field.Required, field.Min, field.Max) = (request.Label?.Trim() ?? "", request.Target, request.Required, request.Min, request.Max);
        (field.Pattern, field.Hint, field.ShowInList) = (Blank(request.Pattern), Blank(request.Hint), request.ShowInList);
        field.Options = request.Options.Select(o => o.Trim()).ToList();
        var errors = CustomFieldDefinitionRules.Check(field, all).Select(e => new FieldError(e.Field, e.Code)).ToList();
        if (errors.Count > 0) return Result<Guid>.Fail(errors);
        if (removed.Count > 0 && await db.CustomFieldValues.AnyAsync(v => v.FieldId == field.Id && removed.Contains(v.Text!), ct))
            return Result<Guid>.Fail("Options", "InUse");

        if (request.FieldId is null) db.CustomFields.Add(field);
        field.UpdatedAt = now;
        field.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), request.FieldId is null ? "field.created" : "field.changed", "field", field.Id.ToString(),
            new { label = field.Label, type = field.Type.ToString(), target = field.Target.ToString(), field.Required, field.Min, field.Max, field.Pattern, options = field.Options });
        if (await ConcurrentSave.SaveAsync(db, ct) is { Succeeded: false } refused) return Result<Guid>.Fail(refused.Errors);
        await live.PublishAsync(CustomFieldEvents.Topic(tenant.Required.Id), CustomFieldEvents.Changed(field.Id), ct);
        return Result<Guid>.Ok(field.Id);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
