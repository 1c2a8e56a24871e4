using System.Linq.Expressions;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Reclaim;
using LoanSaaS.Infrastructure.Leads;

namespace LoanSaaS.Infrastructure.Reclaim;

/// <summary>A rule with the leads it decides for: its own condition, minus those of the enabled rules before it.</summary>
public sealed record ReclaimScope(ReclaimRule Rule, ConditionNode Condition);

/// <summary>
/// Which rule decides for which lead, in SQL: the first enabled rule (in order) whose condition the lead meets, so rule n
/// covers its condition and none of rules 0..n-1 (a None group). A rule whose condition no longer fits the agency's
/// fields is left out, as if disabled.
/// </summary>
public static class ReclaimScopes
{
    public static IReadOnlyList<ReclaimScope> Of(IReadOnlyList<ReclaimRule> enabledInOrder, ConditionSchema<Lead> schema)
    {
        var scopes = new List<ReclaimScope>();
        var earlier = new List<ConditionNode>();
        foreach (var rule in enabledInOrder.Where(r => ConditionCompiler.Validate(r.Condition, schema).Count == 0))
        {
            var all = IsEveryLead(rule.Condition);
            scopes.Add(new ReclaimScope(rule, earlier.Count == 0 ? rule.Condition
                : all ? ConditionGroup.NoneOf([.. earlier])
                : ConditionGroup.AllOf(rule.Condition, ConditionGroup.NoneOf([.. earlier]))));
            // A rule for every lead leaves nothing to the rules after it.
            if (all) break;
            earlier.Add(rule.Condition);
        }
        return scopes;
    }

    /// <summary>An empty All group (the builder's "no condition"): it cannot be nested, and it covers everything.</summary>
    private static bool IsEveryLead(ConditionNode condition) => condition is ConditionGroup { Kind: GroupKind.All, Children.Count: 0 };

    /// <summary>
    /// The open, owned leads whose warning point under <paramref name="rule"/> has come at <paramref name="now"/> (the same
    /// limits as <see cref="ReclaimPolicy.DeadlineOf"/>, in SQL), leaving out those already warned of a deadline still ahead.
    /// </summary>
    public static IQueryable<Lead> Candidates(IQueryable<Lead> leads, ReclaimRule rule, DateTimeOffset now)
    {
        var horizon = now.AddHours(rule.WarnHoursBefore);
        DateTimeOffset? notContacted = rule.NotContactedHours is { } h ? horizon.AddHours(-h) : null;
        DateTimeOffset? noFollowUp = rule.NoFollowUpDays is { } d ? horizon.AddDays(-d) : null;
        DateTimeOffset? noAdvance = rule.NoStageAdvanceDays is { } s ? horizon.AddDays(-s) : null;
        // Every limit needs the assignment before its own point: the latest of them bounds the index range.
        var assignedBy = new[] { notContacted, noFollowUp, noAdvance }.Max();
        if (assignedBy is null) return leads.Where(_ => false);

        leads = leads.Open().Where(l => l.OwnerId != null && l.AssignedAt != null && l.AssignedAt <= assignedBy
            && (l.ReclaimWarnedFor == null || l.ReclaimWarnedFor <= now));
        var due = new List<Expression<Func<Lead, bool>>>();
        if (notContacted is not null) due.Add(l => l.AssignedAt <= notContacted && (l.LastFollowUpAt == null || l.LastFollowUpAt < l.AssignedAt));
        if (noFollowUp is not null) due.Add(l => l.AssignedAt <= noFollowUp && (l.LastFollowUpAt == null || l.LastFollowUpAt <= noFollowUp));
        if (noAdvance is not null) due.Add(l => l.AssignedAt <= noAdvance && (l.StageEnteredAt == null || l.StageEnteredAt <= noAdvance));
        return leads.Where(AnyOf(due));
    }

    private static Expression<Func<Lead, bool>> AnyOf(List<Expression<Func<Lead, bool>>> parts)
    {
        var lead = Expression.Parameter(typeof(Lead), "l");
        var body = parts.Select(p => new Rebind(p.Parameters[0], lead).Visit(p.Body)).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Lead, bool>>(body, lead);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
