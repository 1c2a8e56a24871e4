using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>
/// Turns an active lead into a customer: a customer number (C + Shanghai date + sequence) on the same record, so its
/// whole history (follow-ups, changes, reveals) stays one timeline.
/// </summary>
public sealed class ConvertToCustomer(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<string>> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await LeadDetailAccess.FindAsync(db.Leads, user, leadId, orPooled: false, ct);
        if (lead is null) return Result<string>.Fail([LeadDetailAccess.NotFound]);
        if (lead.IsCustomer) return Result<string>.Fail("Lead", "AlreadyCustomer");
        if (lead.Status != LeadStatus.Active) return Result<string>.Fail("Lead", "NotActive");

        var key = LeadNumber.SequenceKey(LeadNumber.CustomerPrefix, Shanghai.Today(time));
        var number = LeadNumber.Format(key, await NumberSequences.ReserveAsync(contexts, key, 1, ct));
        var now = time.GetUtcNow();
        lead.CustomerNumber = number;
        lead.ConvertedAt = now;
        LeadDetailAccess.Touch(lead, now);
        audit.Add(db, LeadDetailAccess.Actor(user), "lead.converted", "lead", lead.Id.ToString(), new { customerNumber = number });
        var saved = await LeadDetailAccess.SaveAsync(db, ct);
        if (!saved.Succeeded) return Result<string>.Fail(saved.Errors);
        await LeadDetailAccess.PublishChangedAsync(live, tenant, lead.Id, ct);
        return Result<string>.Ok(number);
    }
}
