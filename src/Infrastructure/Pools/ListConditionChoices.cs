using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Pools;

/// <summary>
/// What the condition builder offers: the agency's fields (<see cref="Schema"/>: built-in and its own) and the choices
/// of select fields: dictionaries, stages, members, teams, tags in use, a custom field's options.
/// </summary>
public sealed record ConditionChoices(
    IReadOnlyDictionary<string, IReadOnlyList<LeadFilterChoice>> Dictionaries, IReadOnlyList<LeadFilterChoice> Stages,
    IReadOnlyList<LeadFilterChoice> Members, IReadOnlyList<LeadFilterChoice> Teams, IReadOnlyList<string> Tags, ConditionSchema<Lead> Schema)
{
    /// <summary>The agency's active loan products (for conditions over applications).</summary>
    public IReadOnlyList<LeadFilterChoice> Products { get; init; } = [];

    public IReadOnlyList<LeadFilterChoice> For(ConditionField field) => field.Options switch
    {
        OptionSource.Dictionary => Dictionaries.GetValueOrDefault(field.Dictionary ?? "") ?? [],
        OptionSource.Stages => Stages,
        OptionSource.Members => Members,
        OptionSource.Teams => Teams,
        OptionSource.Tags => Tags.Select(t => new LeadFilterChoice(t, t)).ToList(),
        OptionSource.Custom => field.Choices.Select(c => new LeadFilterChoice(c, c)).ToList(),
        OptionSource.Products => Products,
        OptionSource.LoanTypeNames => (Dictionaries.GetValueOrDefault(nameof(DictionaryKind.LoanType)) ?? []).Select(c => new LeadFilterChoice(c.Name, c.Name)).ToList(),
        _ => [],
    };
}

/// <summary>What the builder offers (needs ManageLeads, like editing pools): the agency's whole lists, not the editor's scope.</summary>
public sealed class ListConditionChoices(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public const int MaxTags = 200;

    public async Task<ConditionChoices> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageLeads, ct);
        await using var db = contexts.Create();
        var dictionaries = await LeadDictionaries.LoadAsync(db, ct);
        var lists = new[] { DictionaryKind.LoanType, DictionaryKind.Source }.ToDictionary(
            k => k.ToString(), k => (IReadOnlyList<LeadFilterChoice>)dictionaries.Active(k).Select(i => new LeadFilterChoice(i.Key, i.Name)).ToList());
        var boards = await db.FunnelBoards.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var stages = (await db.FunnelStages.AsNoTracking().Where(s => !s.IsArchived).ToListAsync(ct))
            .OrderBy(s => boards.GetValueOrDefault(s.BoardId), StringComparer.Ordinal).ThenBy(s => s.Order)
            .Select(s => new LeadFilterChoice(s.Id.ToString(), boards.Count > 1 ? $"{boards.GetValueOrDefault(s.BoardId)} · {s.Name}" : s.Name)).ToList();
        var members = await LeadFilterChoices.MembersAsync(db.Users.AsNoTracking().Where(u => u.IsActive), ct);
        var teams = await LeadFilterChoices.TeamsAsync(db, ct);
        var tags = await db.LeadTags.AsNoTracking().GroupBy(t => t.Tag).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(MaxTags).ToListAsync(ct);
        var products = await db.LoanProducts.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code)
            .Select(p => new LeadFilterChoice(p.Id.ToString(), p.Name)).ToListAsync(ct);
        return new ConditionChoices(lists, stages, members, teams, tags, (await CustomFieldSet.LoadAsync(db, ct)).Schema) { Products = products };
    }
}
