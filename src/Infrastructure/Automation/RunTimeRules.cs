using LoanSaaS.Domain.Automation;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>
/// One pass of an agency's enabled time-based rules: the leads past each rule's threshold that meet its condition and
/// have no run for that occurrence yet are selected in SQL (<see cref="AutomationQueries"/>), then run one by one.
/// At most <see cref="PerRulePerPass"/> leads per rule per pass; the rest follow in the next passes.
/// </summary>
public sealed class RunTimeRules(TenantDatabaseConnector connector, AutomationRunner runner, TimeProvider time)
{
    public const int PerRulePerPass = 200;

    /// <returns>Runs made.</returns>
    public async Task<int> HandleAsync(TenantInfo agency, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
        var rules = (await db.AutomationRules.AsNoTracking().Where(r => r.IsEnabled && !r.IsArchived).OrderBy(r => r.CreatedAt).ToListAsync(ct))
            .Where(r => r.IsTimeBased).ToList();
        if (rules.Count == 0) return 0;
        var schema = (await CustomFieldSet.LoadAsync(db, ct)).Schema;
        var runs = 0;
        foreach (var rule in rules.Where(r => ConditionCompiler.Validate(r.Condition, schema).Count == 0))
        {
            var now = time.GetUtcNow();
            var condition = ConditionCompiler.ToExpression(rule.Condition, schema, now);
            var due = await AutomationQueries.Matching(db, db.Leads.AsNoTracking(), rule, condition, now).OrderBy(d => d.Id).Take(PerRulePerPass).ToListAsync(ct);
            var prepared = new PreparedRule(rule, condition.Compile());
            foreach (var lead in due)
                if (await runner.TryRunAsync(agency, prepared, lead.Id, lead.Occurrence, 0, ct) is not null) runs++;
        }
        return runs;
    }
}
