using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>
/// The edited lead as typed, against the <paramref name="Version"/> the member saw. A blank mobile or ID number keeps
/// the stored one, and so does a blank custom mobile or ID number (the form never holds the plain values).
/// </summary>
public sealed record EditLeadRequest(Guid LeadId, long Version, LeadInput Input);

/// <summary>Edits a lead in the member's scope with the same rules as every channel; audited field by field (personal data masked).</summary>
public sealed class EditLead(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, TenantPersonalData personalData,
    AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<long>> HandleAsync(EditLeadRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await db.Leads.Include(l => l.Tags).Include(l => l.CustomValues).VisibleTo(user).FirstOrDefaultAsync(l => l.Id == request.LeadId, ct);
        if (lead is null) return Result<long>.Fail([LeadDetailAccess.NotFound]);
        if (lead.Status == LeadStatus.Merged) return Result<long>.Fail("Lead", "Merged");
        if (lead.Version != request.Version) return Result<long>.Fail([LeadDetailAccess.ChangedByOthers]);

        var protector = await personalData.GetAsync(ct);
        var input = request.Input;
        if (string.IsNullOrWhiteSpace(input.Mobile) && lead.Mobile.HasValue)
            input = input with { Mobile = protector.Decrypt(PersonalDataKind.Mobile, lead.Mobile.Cipher!) };
        if (string.IsNullOrWhiteSpace(input.IdNumber) && lead.IdNumber.HasValue)
            input = input with { IdNumber = protector.Decrypt(PersonalDataKind.IdNumber, lead.IdNumber.Cipher!) };
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        var kept = lead.CustomValues.Where(v => v.Cipher is not null).Select(v => v.FieldId).ToHashSet();
        var custom = new CustomFieldScope(fields, lead.IsCustomer, RequireAll: true, Kept: kept);
        var validated = LeadInputRules.Validate(input, await LeadDictionaries.LoadAsync(db, ct), protector, Shanghai.Today(time), custom);
        if (!validated.Succeeded) return Result<long>.Fail(validated.Errors);
        var draft = validated.Value!;

        var taken = new List<FieldError>();
        if (draft.Mobile.Index != lead.Mobile.Index)
            await CheckFreeAsync(db, lead.Id, "Mobile", b => b.MobileIndex == draft.Mobile.Index, l => l.Mobile.Index == draft.Mobile.Index, taken, ct);
        if (draft.IdNumber.HasValue && draft.IdNumber.Index != lead.IdNumber.Index)
            await CheckFreeAsync(db, lead.Id, "IdNumber", b => b.IdNumberIndex == draft.IdNumber.Index, l => l.IdNumber.Index == draft.IdNumber.Index, taken, ct);
        if (taken.Count > 0) return Result<long>.Fail(taken);

        var changes = LeadEdits.Replace(lead, draft);
        if (changes.Count == 0) return Result<long>.Ok(lead.Version);
        LeadDetailAccess.Touch(lead, time.GetUtcNow());
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.updated", "lead", lead.Id.ToString(), new { changes });
        var saved = await LeadDetailAccess.SaveAsync(db, ct);
        if (!saved.Succeeded) return Result<long>.Fail(saved.Errors);
        await LeadDetailAccess.PublishChangedAsync(live, tenant, lead.Id, ct);
        return Result<long>.Ok(lead.Version);
    }

    /// <summary>A new mobile or ID number must not be blacklisted nor belong to another (unmerged) lead.</summary>
    private static async Task CheckFreeAsync(AgencyDbContext db, Guid leadId, string field,
        System.Linq.Expressions.Expression<Func<BlacklistEntry, bool>> blocked, System.Linq.Expressions.Expression<Func<Lead, bool>> same,
        List<FieldError> errors, CancellationToken ct)
    {
        if (await db.Blacklist.AnyAsync(blocked, ct)) errors.Add(new FieldError(field, "Blacklisted"));
        else if (await db.Leads.Where(l => l.Id != leadId && l.Status != LeadStatus.Merged).AnyAsync(same, ct)) errors.Add(new FieldError(field, "Taken"));
    }
}
