using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

public sealed record DryRunLead(Guid Id, string Number, string Name, string? OwnerName);

/// <param name="Count">How many leads match now, counted in SQL (capped at <see cref="DryRunAutomationRule.CountCap"/>).</param>
public sealed record DryRunResult(int Count, IReadOnlyList<DryRunLead> First);

/// <summary>
/// 试运行: which leads a rule would act on now, in SQL, changing nothing. A time-based rule: active leads past its
/// threshold that meet its condition and have no run for that occurrence yet (what the next sweep runs). An event
/// rule: active leads meeting its condition (those its trigger would act on). Needs ManageSettings. Refusals:
/// Rule.NotFound, Condition.* (a field the condition names was deleted).
/// </summary>
public sealed class DryRunAutomationRule(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public const int Shown = 50;
    public const int CountCap = 10_000;

    public async Task<Result<DryRunResult>> HandleAsync(Guid ruleId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var rule = await db.AutomationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId && !r.IsArchived, ct);
        if (rule is null) return Result<DryRunResult>.Fail("Rule", "NotFound");
        var schema = (await CustomFieldSet.LoadAsync(db, ct)).Schema;
        if (ConditionCompiler.Validate(rule.Condition, schema).Count > 0) return Result<DryRunResult>.Fail("Condition", "Invalid");
        var now = time.GetUtcNow();
        var matching = AutomationQueries.Matching(db, db.Leads.AsNoTracking().VisibleUnmerged(user), rule, ConditionCompiler.ToExpression(rule.Condition, schema, now), now);
        var count = await matching.Take(CountCap).CountAsync(ct);
        var first = await (from d in matching
                           join l in db.Leads.AsNoTracking() on d.Id equals l.Id
                           orderby l.CreatedAt descending
                           select new { l.Id, l.Number, l.Name, l.OwnerId }).Take(Shown).ToListAsync(ct);
        var owners = first.Select(f => f.OwnerId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return Result<DryRunResult>.Ok(new DryRunResult(count, first.Select(f => new DryRunLead(f.Id, f.Number, f.Name, f.OwnerId is { } o ? names.GetValueOrDefault(o) : null)).ToList()));
    }
}
