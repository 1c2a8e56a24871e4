using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>
/// What the lead page's use cases share: finding one lead in the viewer's scope (anything else is "not found", so ids
/// of other people's or other agencies' leads reveal nothing), reasons for sensitive actions, and the live nudge.
/// </summary>
public static class LeadDetailAccess
{
    public const int MaxReasonLength = BlacklistEntry.MaxReasonLength;

    public static readonly FieldError NotFound = new("Lead", "NotFound");
    public static readonly FieldError ChangedByOthers = new("Lead", "ChangedByOthers");

    /// <summary>The lead if it is in the viewer's data scope, or (when <paramref name="orPooled"/>) waiting in the public pool.</summary>
    public static Task<Lead?> FindAsync(IQueryable<Lead> leads, CurrentUser user, Guid id, bool orPooled, CancellationToken ct)
    {
        var scoped = orPooled ? leads.VisibleOrPooled(user) : leads.VisibleTo(user);
        return scoped.FirstOrDefaultAsync(l => l.Id == id, ct);
    }

    public static AuditActor Actor(CurrentUser user) => new(user.UserId, user.FullName);

    /// <summary>The trimmed reason, or the error for a missing or too long one.</summary>
    public static Result<string> Reason(string? reason)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) return Result<string>.Fail("Reason", "Required");
        return text.Length > MaxReasonLength ? Result<string>.Fail("Reason", "TooLong") : Result<string>.Ok(text);
    }

    /// <summary>Marks the lead changed and makes EF refuse the save if someone else changed it since it was read.</summary>
    public static void Touch(Lead lead, DateTimeOffset now)
    {
        lead.UpdatedAt = now;
        lead.Version++;
    }

    public static Task PublishChangedAsync(ILiveEvents live, TenantContext tenant, Guid leadId, CancellationToken ct) =>
        live.PublishAsync(LeadEvents.Topic(tenant.Required.Id), LeadEvents.Changed(1, leadId), ct);

    /// <summary>Saves, answering a concurrent change of the same lead (its version) with <see cref="ChangedByOthers"/>.</summary>
    public static Task<Result> SaveAsync(DbContext db, CancellationToken ct) => ConcurrentSave.SaveAsync(db, ct, ChangedByOthers);
}
