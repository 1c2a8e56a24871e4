using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Funnels;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>A rule with how it ran lately: the last run and runs per result over the last 7 days.</summary>
public sealed record AutomationRuleRow(AutomationRule Rule, DateTimeOffset? LastRunAt, int Done, int Failed);

public sealed record AutomationStageChoice(Guid Id, string Name, string BoardName);

/// <summary>What a rule may name: members, teams, stages (with their board), date fields of the agency.</summary>
public sealed record AutomationChoices(IReadOnlyList<LeadFilterChoice> Members, IReadOnlyList<LeadFilterChoice> Teams, IReadOnlyList<AutomationStageChoice> Stages,
    IReadOnlyList<LeadFilterChoice> DateFields, IReadOnlyList<LeadFilterChoice> SettableCustomFields);

public sealed record AutomationRuleList(IReadOnlyList<AutomationRuleRow> Rules, AutomationChoices Choices);

/// <summary>The agency's automation rules, newest last, with their recent runs and the choices of the rule editor (needs ManageSettings).</summary>
public sealed class ListAutomationRules(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<AutomationRuleList> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var rules = await db.AutomationRules.AsNoTracking().Where(r => !r.IsArchived).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var ids = rules.Select(r => r.Id).ToList();
        var since = time.GetUtcNow().AddDays(-7);
        var stats = await db.AutomationRuns.AsNoTracking().Where(r => ids.Contains(r.RuleId) && r.At >= since)
            .GroupBy(r => new { r.RuleId, r.Result }).Select(g => new { g.Key.RuleId, g.Key.Result, Count = g.Count() }).ToListAsync(ct);
        var last = await db.AutomationRuns.AsNoTracking().Where(r => ids.Contains(r.RuleId)).GroupBy(r => r.RuleId)
            .Select(g => new { g.Key, Id = g.Max(r => r.Id) }).ToListAsync(ct);
        var lastIds = last.Select(l => l.Id).ToList();
        var lastAt = await db.AutomationRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToDictionaryAsync(r => r.RuleId, r => r.At, ct);
        var rows = rules.Select(r => new AutomationRuleRow(r, lastAt.TryGetValue(r.Id, out var at) ? at : null,
            stats.Where(s => s.RuleId == r.Id && s.Result is RunResult.Done).Sum(s => s.Count),
            stats.Where(s => s.RuleId == r.Id && s.Result is RunResult.Failed or RunResult.LoopStopped).Sum(s => s.Count))).ToList();
        return new AutomationRuleList(rows, await ChoicesAsync(db, ct));
    }

    public static async Task<AutomationChoices> ChoicesAsync(AgencyDbContext db, CancellationToken ct)
    {
        var boards = await db.FunnelBoards.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var stages = (await db.FunnelStages.AsNoTracking().Where(s => !s.IsArchived).ToListAsync(ct))
            .OrderBy(s => boards.GetValueOrDefault(s.BoardId), StringComparer.Ordinal).ThenBy(s => s.Order)
            .Select(s => new AutomationStageChoice(s.Id, s.Name, boards.GetValueOrDefault(s.BoardId) ?? "")).ToList();
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        return new AutomationChoices(
            await LeadFilterChoices.MembersAsync(db.Users.AsNoTracking().Where(u => u.IsActive), ct),
            await LeadFilterChoices.TeamsAsync(db, ct),
            stages,
            fields.Active.Where(f => f.Type == Domain.Automation.FieldType.Date).Select(f => new LeadFilterChoice(f.Key, f.Label)).ToList(),
            fields.Active.Where(f => !f.IsPersonalData).Select(f => new LeadFilterChoice(f.Key, f.Label)).ToList());
    }
}
