using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Leads;

public enum RevealField { Mobile, IdNumber }

public sealed record RevealPersonalDataRequest(Guid LeadId, RevealField Field, string? Reason);

/// <summary>Shows one lead's mobile or ID number unmasked: needs the permission, a lead the member may see and a reason; audited.</summary>
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
        var sealedValue = request.Field == RevealField.Mobile ? lead.Mobile : lead.IdNumber;
        if (!sealedValue.HasValue) return Result<string>.Fail(request.Field.ToString(), "Empty");

        var protector = await personalData.GetAsync(ct);
        var plain = request.Field == RevealField.Mobile
            ? MobileNumbers.National(protector.Decrypt(PersonalDataKind.Mobile, sealedValue.Cipher!))
            : protector.Decrypt(PersonalDataKind.IdNumber, sealedValue.Cipher!);
        // Only the field, the mask and the reason go into the log; the value itself never does.
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.revealed", "lead", lead.Id.ToString(),
            new { field = request.Field.ToString(), masked = sealedValue.Masked, reason = reason.Value });
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(plain);
    }
}
