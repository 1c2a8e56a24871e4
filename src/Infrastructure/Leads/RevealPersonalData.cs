using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>Which sealed value: the lead's own mobile or ID number, or one of the agency's mobile / ID number fields.</summary>
public enum RevealField { Mobile, IdNumber, Custom }

/// <param name="FieldId">The agency's own field, for <see cref="RevealField.Custom"/>.</param>
public sealed record RevealPersonalDataRequest(Guid LeadId, RevealField Field, string? Reason, Guid? FieldId = null);

/// <summary>
/// Shows one lead's mobile or ID number (its own or in one of the agency's fields) unmasked: needs the permission, a
/// lead the member may see and a reason; audited with the field and the mask, never the value.
/// </summary>
public sealed class RevealPersonalData(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantPersonalData personalData, AuditLog audit)
{
    public async Task<Result<string>> HandleAsync(RevealPersonalDataRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.RevealPersonalData, ct);
        var reason = LeadDetailAccess.Reason(request.Reason);
        if (!reason.Succeeded) return Result<string>.Fail(reason.Errors);

        await using var db = contexts.Create();
        var lead = await LeadDetailAccess.FindAsync(db.Leads, user, request.LeadId, orPooled: true, ct);
        if (lead is null) return Result<string>.Fail([LeadDetailAccess.NotFound]);
        var (field, kind, sealedValue) = request.Field switch
        {
            RevealField.Mobile => (request.Field.ToString(), PersonalDataKind.Mobile, lead.Mobile),
            RevealField.IdNumber => (request.Field.ToString(), PersonalDataKind.IdNumber, lead.IdNumber),
            _ => await CustomAsync(db, lead.Id, request.FieldId, ct),
        };
        if (!sealedValue.HasValue) return Result<string>.Fail(request.Field.ToString(), "Empty");

        var protector = await personalData.GetAsync(ct);
        var plain = protector.Decrypt(kind, sealedValue.Cipher!);
        if (kind == PersonalDataKind.Mobile) plain = MobileNumbers.National(plain);
        // Only the field, the mask and the reason go into the log; the value itself never does.
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.revealed", "lead", lead.Id.ToString(),
            new { field, masked = sealedValue.Masked, reason = reason.Value });
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(plain);
    }

    /// <summary>The sealed value of one of the agency's personal fields (key cf_…); nothing for any other field.</summary>
    private static async Task<(string Field, PersonalDataKind Kind, SealedValue Value)> CustomAsync(AgencyDbContext db, Guid leadId, Guid? fieldId, CancellationToken ct)
    {
        var custom = fieldId is { } id ? await db.CustomFields.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) : null;
        if (custom is not { IsPersonalData: true }) return ("", PersonalDataKind.Mobile, SealedValue.Empty);
        var row = await db.CustomFieldValues.AsNoTracking().FirstOrDefaultAsync(v => v.LeadId == leadId && v.FieldId == custom.Id && v.Cipher != null, ct);
        return (custom.Key, custom.Type == FieldType.Mobile ? PersonalDataKind.Mobile : PersonalDataKind.IdNumber,
            row is null ? SealedValue.Empty : new SealedValue(row.Cipher, row.Index, row.Text));
    }
}
