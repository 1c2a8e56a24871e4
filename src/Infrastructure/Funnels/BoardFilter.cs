using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Funnels;

/// <summary>What a board shows: filters by owner, team, source, tag and intent, and a search (name prefix, exact mobile, number).</summary>
public sealed record BoardFilter
{
    public string? OwnerId { get; init; }
    public Guid? TeamId { get; init; }
    public string? Source { get; init; }
    public string? Tag { get; init; }
    public IntentLevel? Intent { get; init; }
    public string? Search { get; init; }

    public bool IsEmpty => string.IsNullOrEmpty(OwnerId) && TeamId is null && string.IsNullOrEmpty(Source) && string.IsNullOrWhiteSpace(Tag)
        && Intent is null && string.IsNullOrWhiteSpace(Search);

    /// <summary>The active leads on the given stages that the viewer may see and the filter keeps.</summary>
    public IQueryable<Lead> Apply(IQueryable<Lead> leads, IReadOnlyCollection<Guid> stageIds, CurrentUser user, PersonalDataProtector protector)
    {
        leads = leads.VisibleTo(user).Where(l => l.Status == LeadStatus.Active && l.StageId != null && stageIds.Contains(l.StageId.Value));
        leads = ListLeadsQuery.Narrow(leads, OwnerId, TeamId, Source, Intent, Tag is null ? [] : [Tag]);
        return ListLeadsQuery.Search(leads, Search, protector);
    }
}
