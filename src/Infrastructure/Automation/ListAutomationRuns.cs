using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

public sealed record AutomationRunRow(long Id, Guid LeadId, string? LeadNumber, string? LeadName, DateTimeOffset At, RunResult Result, string? Error, int Depth);

public sealed record AutomationRunPage(IReadOnlyList<AutomationRunRow> Items, int Total);

/// <summary>运行记录 of one rule, newest first, a page at a time (needs ManageSettings; archived rules keep their log). Refusal: Rule.NotFound.</summary>
public sealed class ListAutomationRuns(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public const int PageSize = 20;

    public async Task<Result<AutomationRunPage>> HandleAsync(Guid ruleId, int page, CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        if (!await db.AutomationRules.AnyAsync(r => r.Id == ruleId, ct)) return Result<AutomationRunPage>.Fail("Rule", "NotFound");
        var runs = db.AutomationRuns.AsNoTracking().Where(r => r.RuleId == ruleId);
        var total = await runs.CountAsync(ct);
        var items = await (from r in runs
                           join l in db.Leads.AsNoTracking() on r.LeadId equals l.Id into leads
                           from l in leads.DefaultIfEmpty()
                           orderby r.Id descending
                           select new AutomationRunRow(r.Id, r.LeadId, l == null ? null : l.Number, l == null ? null : l.Name, r.At, r.Result, r.Error, r.Depth))
            .Skip(Math.Max(0, page) * PageSize).Take(PageSize).ToListAsync(ct);
        return Result<AutomationRunPage>.Ok(new AutomationRunPage(items, total));
    }
}
