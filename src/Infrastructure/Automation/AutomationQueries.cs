using System.Linq.Expressions;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Persistence;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>A lead a rule would act on now, with the value its occurrence counts from (time-based rules).</summary>
public sealed class DueLead
{
    public Guid Id { get; init; }
    public DateTimeOffset? At { get; init; }
    public DateOnly? Date { get; init; }

    public Occurrence Occurrence => Date is { } d ? AutomationTriggers.OnDate(d) : AutomationTriggers.At(At!.Value);
}

/// <summary>
/// The leads a rule matches now, in SQL: active leads meeting its condition; for a time-based rule also past its
/// threshold and without a run for that occurrence yet — what the time sweep runs next, and what the dry run shows.
/// </summary>
public static class AutomationQueries
{
    public static IQueryable<DueLead> Matching(AgencyDbContext db, IQueryable<Lead> leads, AutomationRule rule, Expression<Func<Lead, bool>> condition, DateTimeOffset now)
    {
        var q = leads.Where(l => l.Status == LeadStatus.Active).Where(condition);
        var id = rule.Id;
        var runs = db.AutomationRuns.Where(r => r.RuleId == id);
        var threshold = now - AutomationTriggers.Span(rule);
        // Occurrences that came due before the rule was turned on are the backlog it leaves alone.
        var since = AutomationTriggers.Since(rule);
        switch (rule.Trigger)
        {
            case TriggerKind.NoFollowUpFor:
                return q.Where(l => (l.LastFollowUpAt ?? l.CreatedAt) <= threshold && (l.LastFollowUpAt ?? l.CreatedAt) >= since && !runs.Any(r => r.LeadId == l.Id && r.OccurrenceAt == (l.LastFollowUpAt ?? l.CreatedAt)))
                    .Select(l => new DueLead { Id = l.Id, At = l.LastFollowUpAt ?? l.CreatedAt });
            case TriggerKind.FollowUpOverdue:
                return q.Where(l => l.NextFollowUpAt != null && l.NextFollowUpAt <= threshold && l.NextFollowUpAt >= since && !runs.Any(r => r.LeadId == l.Id && r.OccurrenceAt == l.NextFollowUpAt))
                    .Select(l => new DueLead { Id = l.Id, At = l.NextFollowUpAt });
            case TriggerKind.DaysInStage:
                if (rule.TriggerStageId is { } stage) q = q.Where(l => l.StageId == stage);
                return q.Where(l => l.StageEnteredAt != null && l.StageEnteredAt <= threshold && l.StageEnteredAt >= since && !runs.Any(r => r.LeadId == l.Id && r.OccurrenceAt == l.StageEnteredAt))
                    .Select(l => new DueLead { Id = l.Id, At = l.StageEnteredAt });
            case TriggerKind.DateFieldIn:
                if (!CustomFieldKeys.TryParse(rule.TriggerField, out var field)) return q.Where(_ => false).Select(l => new DueLead { Id = l.Id });
                var today = Shanghai.DateOf(now);
                var until = today.AddDays(rule.TriggerAmount);
                var first = AutomationTriggers.FirstDate(rule);
                return q.Where(l => l.CustomValues.Any(v => v.FieldId == field && v.Date >= today && v.Date <= until && v.Date >= first)
                        && !runs.Any(r => r.LeadId == l.Id && l.CustomValues.Any(v => v.FieldId == field && v.Date == r.OccurrenceDate)))
                    .Select(l => new DueLead { Id = l.Id, Date = l.CustomValues.Where(v => v.FieldId == field).Select(v => v.Date).FirstOrDefault() });
            default:
                return q.Select(l => new DueLead { Id = l.Id });
        }
    }
}
