using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Funnels;

/// <summary>What a board shows: filters by owner, team, source, tag, intent and customer pool, and a search (name prefix, exact mobile, number).</summary>
public sealed record BoardFilter
{
    public string? OwnerId { get; init; }
    public Guid? TeamId { get; init; }
    public string? Source { get; init; }
    public string? Tag { get; init; }
    public IntentLevel? Intent { get; init; }
    public string? Search { get; init; }
    /// <summary>Only the cards a customer pool (客群池) selects; the use cases apply it (<see cref="Pools.PoolMembers"/>).</summary>
    public Guid? PoolId { get; init; }
    /// <summary>Comparisons on the agency's own fields; applied with the pool (<see cref="Pools.PoolMembers.NarrowAsync"/>).</summary>
    public IReadOnlyList<Domain.Automation.Comparison> FieldFilters { get; init; } = [];

    public bool IsEmpty => string.IsNullOrEmpty(OwnerId) && TeamId is null && string.IsNullOrEmpty(Source) && string.IsNullOrWhiteSpace(Tag)
        && Intent is null && string.IsNullOrWhiteSpace(Search) && PoolId is null && FieldFilters.Count == 0;

    /// <summary>The active leads on the given stages that the viewer may see and the filter keeps.</summary>
    public IQueryable<Lead> Apply(IQueryable<Lead> leads, IReadOnlyCollection<Guid> stageIds, CurrentUser user, PersonalDataProtector protector)
    {
        leads = leads.VisibleTo(user).Where(l => l.Status == LeadStatus.Active && l.StageId != null && stageIds.Contains(l.StageId.Value));
        leads = ListLeadsQuery.Narrow(leads, OwnerId, TeamId, Source, Intent, Tag is null ? [] : [Tag]);
        return ListLeadsQuery.Search(leads, Search, protector);
    }
}
