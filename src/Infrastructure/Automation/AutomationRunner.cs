using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>A rule with its condition compiled against the agency's fields, for one pass.</summary>
public sealed record PreparedRule(AutomationRule Rule, Func<Lead, bool> Holds);

/// <summary>Contexts on one agency outside a request (rule runs), recording their changes' events at <paramref name="depth"/>.</summary>
internal sealed class AgencyContexts(TenantDatabaseConnector connector, AutomationHooks hooks, TenantInfo agency, int depth) : ITenantDbContextFactory
{
    public AgencyDbContext Create() => Create(agency);

    public AgencyDbContext Create(TenantInfo tenant) => hooks.Attach(TenantDbContextFactory.For(connector, tenant.DatabaseName), tenant, depth);
}

/// <summary>
/// Runs one rule for one lead and occurrence, at most once: the run row (unique per rule, lead and occurrence key) is
/// saved in the same transaction as the actions' effects, so a second node or a rerun after a crash finds it and stops.
/// The condition is checked again on the lead as it is now. An event deeper than <see cref="LoopGuard.MaxDepth"/> only
/// logs the stop. A refused action fails the whole run (nothing kept) with its reason; live events follow the commit.
/// </summary>
public sealed class AutomationRunner(TenantDatabaseConnector connector, AutomationHooks hooks, TenantKeyRing keys, AuditLog audit, ILiveEvents live, TimeProvider time,
    ILogger<AutomationRunner> logger)
{
    public const string Unexpected = "Unexpected";

    /// <summary>
    /// <see cref="RunAsync"/>, except that an unexpected error is logged and recorded as a failed run, so one broken
    /// lead never holds up the other leads of its event or sweep (nor makes the event come back forever).
    /// </summary>
    public async Task<RunResult?> TryRunAsync(TenantInfo agency, PreparedRule prepared, Guid leadId, Occurrence occurrence, int depth, CancellationToken ct)
    {
        try
        {
            return await RunAsync(agency, prepared, leadId, occurrence, depth, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Automation rule {Rule} failed on lead {Lead} of agency {Slug}", prepared.Rule.Id, leadId, agency.Slug);
            await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
            return await LogOnlyAsync(db, new AutomationRun
            {
                RuleId = prepared.Rule.Id, LeadId = leadId, OccurrenceKey = occurrence.Key, OccurrenceAt = occurrence.At, OccurrenceDate = occurrence.Date,
                At = time.GetUtcNow(), Depth = depth + 1,
            }, RunResult.Failed, Unexpected, ct);
        }
    }

    private const int Attempts = 3;

    /// <param name="depth">The depth of what triggered the run: the event's, or 0 for time.</param>
    /// <returns>The run's result; null when the condition does not hold or the run was already made.</returns>
    public async Task<RunResult?> RunAsync(TenantInfo agency, PreparedRule prepared, Guid leadId, Occurrence occurrence, int depth, CancellationToken ct)
    {
        var rule = prepared.Rule;
        var contexts = new AgencyContexts(connector, hooks, agency, depth + 1);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.Create();
            if (await db.AutomationRuns.AnyAsync(r => r.RuleId == rule.Id && r.LeadId == leadId && r.OccurrenceKey == occurrence.Key, ct)) return null;
            var lead = await db.Leads.Include(l => l.Tags).Include(l => l.CustomValues).FirstOrDefaultAsync(l => l.Id == leadId, ct);
            if (lead is null || !prepared.Holds(lead)) return null;
            var now = time.GetUtcNow();
            var log = new AutomationRun
            {
                RuleId = rule.Id, LeadId = leadId, OccurrenceKey = occurrence.Key, OccurrenceAt = occurrence.At, OccurrenceDate = occurrence.Date, At = now, Depth = depth + 1,
            };
            if (!LoopGuard.Allows(depth))
                return await LogOnlyAsync(db, log, RunResult.LoopStopped, LoopGuard.Stopped, ct);
            if (lead.Status is LeadStatus.Merged or LeadStatus.Blacklisted)
                return await LogOnlyAsync(db, log, RunResult.Skipped, "Lead.Closed", ct);

            var run = new RunContext
            {
                Db = db, Contexts = contexts, Agency = agency, Rule = rule, Lead = lead, Now = now, Actor = AutomationActor.Of(rule),
                Dictionaries = await LeadDictionaries.LoadAsync(db, ct), Fields = await CustomFieldSet.LoadAsync(db, ct), Protector = await keys.ForAsync(agency.Id, ct),
            };
            string? error = null;
            foreach (var action in rule.Actions)
                if ((error = await AutomationActions.ApplyAsync(run, action, audit, ct)) is not null) break;
            if (error is not null)
            {
                db.ChangeTracker.Clear();
                return await LogOnlyAsync(db, log, RunResult.Failed, error, ct);
            }
            if (run.Changes.Count > 0) audit.Add(db, run.Actor, "lead.updated", "lead", lead.Id.ToString(), new { channel = "automation", changes = run.Changes });
            if (run.LeadChanged) LeadDetailAccess.Touch(lead, now);
            log.Result = run.Did ? RunResult.Done : RunResult.Skipped;
            db.AutomationRuns.Add(log);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return await LogOnlyAsync(db, log, RunResult.Failed, LeadDetailAccess.ChangedByOthers.Field + "." + LeadDetailAccess.ChangedByOthers.Code, ct);
            }
            catch (DbUpdateException)
            {
                // The unique run key: another node made this run meanwhile. Anything else is a real error.
                if (await RanAsync(agency, log, ct)) return null;
                throw;
            }
            await AnnounceAsync(agency, run, ct);
            return log.Result;
        }
    }

    private static async Task<RunResult?> LogOnlyAsync(AgencyDbContext db, AutomationRun log, RunResult result, string error, CancellationToken ct)
    {
        (log.Result, log.Error) = (result, error.Length > AutomationRun.MaxErrorLength ? error[..AutomationRun.MaxErrorLength] : error);
        db.AutomationRuns.Add(log);
        try
        {
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DbUpdateException)
        {
            // Another node logged this occurrence first.
            return null;
        }
    }

    private async Task<bool> RanAsync(TenantInfo agency, AutomationRun log, CancellationToken ct)
    {
        await using var db = TenantDbContextFactory.For(connector, agency.DatabaseName);
        return await db.AutomationRuns.AnyAsync(r => r.RuleId == log.RuleId && r.LeadId == log.LeadId && r.OccurrenceKey == log.OccurrenceKey, ct);
    }

    private async Task AnnounceAsync(TenantInfo agency, RunContext run, CancellationToken ct)
    {
        foreach (var (boardId, fromStage, fromBoard) in run.Moves)
        {
            var moved = BoardEvents.Moved(run.Lead, fromStage, run.Actor.Id!);
            await live.PublishAsync(BoardEvents.Topic(agency.Id, boardId), moved, ct);
            if (fromBoard is { } other && other != boardId) await live.PublishAsync(BoardEvents.Topic(agency.Id, other), moved, ct);
        }
        if (run.Moves.Count > 0) await live.PublishAsync(LeadEvents.Topic(agency.Id), LeadEvents.Moved(run.Lead.Id), ct);
        else if (run.LeadChanged) await live.PublishAsync(LeadEvents.Topic(agency.Id), LeadEvents.Changed(1, run.Lead.Id), ct);
        foreach (var notification in run.Notifications)
            await live.PublishAsync(NotificationEvents.Topic(agency.Id, notification.UserId), NotificationEvents.Created(notification.Id), ct);
        await live.PublishAsync(AutomationLive.Topic(agency.Id), AutomationLive.Ran(run.Rule.Id), ct);
        if (run.Queued) await live.PublishAsync(AutomationLive.Topic(agency.Id), AutomationLive.Queued, ct);
    }
}

/// <summary>Live topic of the automation pages: rules ran (run logs reload), messages were queued (the outbox page reloads).</summary>
public static class AutomationLive
{
    public static LiveTopic Topic(Guid agencyId) => new(agencyId, "automation");

    public static LiveMessage Ran(Guid ruleId) => new("ran", new Dictionary<string, string> { ["rule"] = ruleId.ToString() });

    public static readonly LiveMessage Queued = new("queued");

    public static readonly LiveMessage RulesChanged = new("rules");
}
