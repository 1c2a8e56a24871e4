using LoanSaaS.Domain.Assignment;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Assignment;

/// <summary>A lead a rule decided (<see cref="Lead.AssignedRuleId"/>): its new owner (null: the rule sent it to the public pool).</summary>
public sealed record AssignedLead(Lead Lead, string? OwnerId, AssignmentRule Rule);

/// <summary>
/// The agency's enabled rules, ready to apply: conditions compiled, the members they name with their load. Read once
/// per capture, or once per import and reused by every batch (members' loads carry over from batch to batch).
/// </summary>
public sealed class AssignmentPlan
{
    internal AssignmentPlan(IReadOnlyList<(AssignmentRule Rule, Func<Lead, bool> Holds)> rules, Dictionary<string, AssignmentCandidate> candidates, int? cap)
    {
        Rules = rules;
        Candidates = candidates;
        Cap = cap;
    }

    internal IReadOnlyList<(AssignmentRule Rule, Func<Lead, bool> Holds)> Rules { get; }
    internal Dictionary<string, AssignmentCandidate> Candidates { get; }
    internal int? Cap { get; }
}

/// <summary>
/// Applies the agency's enabled rules, in order, to leads that arrived without an owner: the first rule whose
/// condition the lead meets and that finds an available member decides. Conditions are checked in memory (the leads
/// are new, with their custom values); turns are reserved per rule in one atomic step per batch, so a bulk import is
/// spread and two nodes never hand out the same turn. Leads no rule takes stay unowned (公海).
/// </summary>
public static class LeadAssigner
{
    /// <summary>The rules to apply now; null when the agency has none enabled.</summary>
    public static async Task<AssignmentPlan?> PlanAsync(AgencyDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await db.AssignmentRules.AsNoTracking().Where(r => r.IsEnabled && !r.IsArchived).OrderBy(r => r.Order).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        if (rules.Count == 0) return null;
        var schema = (await CustomFieldSet.LoadAsync(db, ct)).Schema;
        var cap = await AssignmentSettings.HoldingCapAsync(db, ct);
        // Counting the open leads each member holds reads all of them: only when a cap or "fewest first" needs it.
        var countLoad = cap is not null || rules.Any(r => r.Strategy == AssignmentStrategy.LeastLoaded);
        var compiled = rules.Where(r => ConditionCompiler.Validate(r.Condition, schema).Count == 0)
            .Select(r => (r, ConditionCompiler.Predicate(r.Condition, schema, now))).ToList();
        return new AssignmentPlan(compiled, await CandidatesAsync(db, rules, Shanghai.DateOf(now), countLoad, ct), cap);
    }

    /// <summary>New leads without an owner: the deciding rule is stamped on the lead (<see cref="Lead.AssignedRuleId"/>, "on arrival").</summary>
    public static Task<IReadOnlyList<AssignedLead>> AssignAsync(AssignmentPlan plan, ITenantDbContextFactory contexts, IReadOnlyList<Lead> leads, CancellationToken ct) =>
        DecideAsync(plan, contexts, leads.Where(l => l.OwnerId is null).ToList(), reassignedAt: null, ct);

    /// <summary>
    /// Existing leads a member chose (owned or pooled): each goes where the rules send it now; its current owner's load
    /// is freed first, so the rules may also hand it back to them. A lead no rule takes is left alone.
    /// </summary>
    public static Task<IReadOnlyList<AssignedLead>> ReassignAsync(AssignmentPlan plan, ITenantDbContextFactory contexts, IReadOnlyList<Lead> leads, DateTimeOffset now,
        CancellationToken ct)
    {
        foreach (var lead in leads.Where(l => l.Status == LeadStatus.Active && l.OwnerId is not null && plan.Candidates.ContainsKey(l.OwnerId)))
            plan.Candidates[lead.OwnerId!] = plan.Candidates[lead.OwnerId!] with { OpenLeads = Math.Max(0, plan.Candidates[lead.OwnerId!].OpenLeads - 1) };
        return DecideAsync(plan, contexts, leads, now, ct);
    }

    /// <param name="reassignedAt">When chosen leads are handed on now; null for leads arriving (they are owned from their creation and keep the rule).</param>
    private static async Task<IReadOnlyList<AssignedLead>> DecideAsync(AssignmentPlan plan, ITenantDbContextFactory contexts, IReadOnlyList<Lead> leads,
        DateTimeOffset? reassignedAt, CancellationToken ct)
    {
        var onArrival = reassignedAt is null;
        var waiting = leads.ToHashSet();
        var decided = new List<AssignedLead>();
        foreach (var (rule, holds) in plan.Rules)
        {
            if (waiting.Count == 0) break;
            var matched = leads.Where(l => waiting.Contains(l) && holds(l)).ToList();
            if (matched.Count == 0) continue;
            if (rule.Target == AssignmentTarget.PublicPool)
            {
                if (onArrival) matched.ForEach(l => l.AssignedRuleId = rule.Id);
                decided.AddRange(matched.Select(l => new AssignedLead(l, null, rule)));
                waiting.ExceptWith(matched);
                continue;
            }

            var first = await NumberSequences.ReserveAsync(contexts, TurnsKey(rule.Id), matched.Count, ct);
            var picker = new AssignmentPicker(rule.Strategy, MembersOf(rule, plan.Candidates), plan.Cap, first);
            foreach (var lead in matched)
            {
                if (picker.Pick(lead.City) is not { } owner) break;
                var member = plan.Candidates[owner];
                lead.AssignTo(owner, member.TeamId, reassignedAt ?? lead.CreatedAt);
                lead.Status = LeadStatus.Active;
                if (onArrival) lead.AssignedRuleId = rule.Id;
                decided.Add(new AssignedLead(lead, owner, rule));
                plan.Candidates[owner] = member with { OpenLeads = member.OpenLeads + 1 };
                waiting.Remove(lead);
            }
        }
        return decided;
    }

    /// <summary>The number sequence of a rule's turns ("asg:" and the random 96 bits of its id: sequence keys hold 30 characters).</summary>
    public static string TurnsKey(Guid ruleId) => "asg:" + ruleId.ToString("N")[8..];

    private static List<AssignmentCandidate> MembersOf(AssignmentRule rule, IReadOnlyDictionary<string, AssignmentCandidate> candidates) => rule.Target switch
    {
        AssignmentTarget.Team => candidates.Values.Where(c => c.TeamId == rule.TeamId).ToList(),
        _ => rule.Members.Where(m => candidates.ContainsKey(m.UserId)).Select(m => candidates[m.UserId] with { Weight = m.Weight }).ToList(),
    };

    /// <summary>Every member a rule names or a rule's team holds: team, region, open leads, and whether active and not on leave.</summary>
    private static async Task<Dictionary<string, AssignmentCandidate>> CandidatesAsync(AgencyDbContext db, List<AssignmentRule> rules, DateOnly today, bool countLoad,
        CancellationToken ct)
    {
        var named = rules.SelectMany(r => r.Members.Select(m => m.UserId)).Distinct().ToList();
        var teams = rules.Where(r => r.TeamId is not null).Select(r => r.TeamId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id) || (u.TeamId != null && teams.Contains(u.TeamId.Value)))
            .Select(u => new { u.Id, u.TeamId, u.IsActive, u.AwayUntil }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var regions = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Region, ct);
        var open = countLoad ? await db.Leads.AsNoTracking().OpenCountsByOwnerAsync(ids, ct) : [];
        return users.ToDictionary(u => u.Id, u => new AssignmentCandidate(u.Id, u.TeamId, u.TeamId is { } t ? regions.GetValueOrDefault(t) : null,
            open.GetValueOrDefault(u.Id), 1, u.IsActive && (u.AwayUntil is null || u.AwayUntil < today)));
    }
}
