using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.FollowUps;

public sealed record LeadPick(Guid Id, string Number, string Name, string? MobileMasked, DateTimeOffset? NextFollowUpAt);

/// <summary>
/// The quick-add picker's search over the member's workable leads: an exact mobile (matched by blind index, never by
/// decrypting), a lead number, or a name prefix. Without a term: the leads whose next follow-up comes first.
/// </summary>
public sealed class FindLeadsForQuickAdd(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantPersonalData personalData)
{
    public const int MaxResults = 10;

    public async Task<IReadOnlyList<LeadPick>> HandleAsync(string? term, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var leads = db.Leads.AsNoTracking().VisibleTo(actor).Where(l => l.Status == LeadStatus.Active);

        var text = term?.Trim() ?? "";
        if (text.Length == 0)
            leads = leads.OrderBy(l => l.NextFollowUpAt == null).ThenBy(l => l.NextFollowUpAt).ThenByDescending(l => l.UpdatedAt);
        else if (MobileNumbers.Normalize(text) is { } mobile)
        {
            var index = (await personalData.GetAsync(ct)).Index(PersonalDataKind.Mobile, mobile);
            leads = leads.Where(l => l.Mobile.Index == index);
        }
        else
        {
            var number = text.ToUpperInvariant();
            leads = leads.Where(l => l.Name.StartsWith(text) || l.Number == number).OrderBy(l => l.Name);
        }

        return await leads.Take(MaxResults)
            .Select(l => new LeadPick(l.Id, l.Number, l.Name, l.Mobile.Masked, l.NextFollowUpAt))
            .ToListAsync(ct);
    }
}
