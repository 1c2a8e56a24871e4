using System.Text.RegularExpressions;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>The classification a list shows: one table, four views.</summary>
public enum LeadView
{
    /// <summary>意向客户: active, not yet converted.</summary>
    Leads,
    /// <summary>客户: converted leads.</summary>
    Customers,
    /// <summary>公海: unowned, any member may claim.</summary>
    Pool,
    /// <summary>黑名单.</summary>
    Blacklist,
}

public enum LeadSort { Created, Name, Amount, Intent, NextFollowUp }

/// <summary>What a lead list shows: view, filters, search, sort and page. Created dates are Shanghai calendar days.</summary>
public sealed record LeadListQuery
{
    public const int MaxPageSize = 200;

    public LeadView View { get; init; } = LeadView.Leads;
    public string? OwnerId { get; init; }
    public Guid? TeamId { get; init; }
    public string? Source { get; init; }
    public IntentLevel? Intent { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateOnly? CreatedFrom { get; init; }
    public DateOnly? CreatedTo { get; init; }
    /// <summary>A name prefix, an exact mobile (any common notation) or a lead/customer number.</summary>
    public string? Search { get; init; }
    /// <summary>Only the leads a customer pool (客群池) selects (<see cref="Pools.PoolMembers"/>).</summary>
    public Guid? PoolId { get; init; }
    /// <summary>Comparisons on the agency's own fields (e.g. 名下房产 = 全款房), each of which a lead must meet.</summary>
    public IReadOnlyList<Domain.Automation.Comparison> FieldFilters { get; init; } = [];
    public LeadSort Sort { get; init; } = LeadSort.Created;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
}

/// <summary>The filtering and ordering every list and export share, so both always honour the viewer's data scope.</summary>
public static partial class ListLeadsQuery
{
    public static IQueryable<Lead> Filter(IQueryable<Lead> leads, LeadListQuery q, CurrentUser user, PersonalDataProtector protector)
    {
        leads = q.View switch
        {
            LeadView.Pool => leads.VisibleOrPooled(user).Where(l => l.Status == LeadStatus.PublicPool),
            LeadView.Customers => leads.VisibleTo(user).Where(l => l.ConvertedAt != null && l.Status != LeadStatus.Merged),
            LeadView.Blacklist => leads.VisibleTo(user).Where(l => l.Status == LeadStatus.Blacklisted),
            _ => leads.VisibleTo(user).Open(),
        };
        leads = Narrow(leads, q.OwnerId, q.TeamId, q.Source, q.Intent, q.Tags);
        if (q.CreatedFrom is { } from)
        {
            var start = Shanghai.StartOfDayUtc(from);
            leads = leads.Where(l => l.CreatedAt >= start);
        }
        if (q.CreatedTo is { } to)
        {
            var end = Shanghai.StartOfDayUtc(to.AddDays(1));
            leads = leads.Where(l => l.CreatedAt < end);
        }
        return Search(leads, q.Search, protector);
    }

    /// <summary>The filters lists and boards share: owner, team, source, intent, and every one of the tags.</summary>
    public static IQueryable<Lead> Narrow(IQueryable<Lead> leads, string? ownerId, Guid? teamId, string? source, IntentLevel? intent, IEnumerable<string> tags)
    {
        if (!string.IsNullOrEmpty(ownerId)) leads = leads.Where(l => l.OwnerId == ownerId);
        if (teamId is { } team) leads = leads.Where(l => l.TeamId == team);
        if (!string.IsNullOrEmpty(source)) leads = leads.Where(l => l.Source == source);
        if (intent is { } level) leads = leads.Where(l => l.Intent == level);
        foreach (var tag in tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct())
            leads = leads.Where(l => l.Tags.Any(t => t.Tag == tag));
        return leads;
    }

    /// <summary>A lead/customer number, an exact mobile (by its blind index) or a name prefix.</summary>
    public static IQueryable<Lead> Search(IQueryable<Lead> leads, string? search, PersonalDataProtector protector)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text)) return leads;
        if (LeadNumberPattern().IsMatch(text))
        {
            var number = text.ToUpperInvariant();
            return leads.Where(l => l.Number == number || l.CustomerNumber == number);
        }
        if (text.Count(char.IsDigit) >= 11 && MobileNumbers.Normalize(text) is { } e164)
        {
            // Exact match on the blind index: the stored numbers are never decrypted.
            var index = protector.Index(PersonalDataKind.Mobile, e164);
            return leads.Where(l => l.Mobile.Index == index);
        }
        return leads.Where(l => l.Name.StartsWith(text));
    }

    public static IQueryable<Lead> Order(IQueryable<Lead> leads, LeadSort sort, bool descending) => (sort, descending) switch
    {
        (LeadSort.Name, false) => leads.OrderBy(l => l.Name).ThenBy(l => l.Id),
        (LeadSort.Name, true) => leads.OrderByDescending(l => l.Name).ThenByDescending(l => l.Id),
        // SQLite stores decimals as text: order by the number as a double on every provider.
        (LeadSort.Amount, false) => leads.OrderBy(l => (double?)l.AmountWan).ThenBy(l => l.Id),
        (LeadSort.Amount, true) => leads.OrderByDescending(l => (double?)l.AmountWan).ThenByDescending(l => l.Id),
        (LeadSort.Intent, false) => leads.OrderBy(l => l.Intent).ThenByDescending(l => l.CreatedAt),
        (LeadSort.Intent, true) => leads.OrderByDescending(l => l.Intent).ThenByDescending(l => l.CreatedAt),
        (LeadSort.NextFollowUp, false) => leads.OrderBy(l => l.NextFollowUpAt).ThenBy(l => l.Id),
        (LeadSort.NextFollowUp, true) => leads.OrderByDescending(l => l.NextFollowUpAt).ThenByDescending(l => l.Id),
        (_, false) => leads.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id),
        _ => leads.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
    };

    /// <summary>The search text as it may appear in an audit entry: a mobile only masked.</summary>
    public static string? AuditableSearch(string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return text.Count(char.IsDigit) >= 11 && MobileNumbers.Normalize(text) is { } e164 ? MobileNumbers.Mask(e164) : text;
    }

    [GeneratedRegex("^[LClc][0-9]{12,}$")]
    private static partial Regex LeadNumberPattern();
}
