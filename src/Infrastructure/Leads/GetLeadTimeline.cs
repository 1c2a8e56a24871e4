using System.Text.Json;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

public sealed record LeadTimelineFollowUp(FollowUpChannel Channel, string Content, FollowUpOutcome Outcome, DateTimeOffset? NextAt);

/// <summary>
/// One event in a lead's life. <see cref="Kind"/> is "created", "followup", "comment" (text and mentions in the data),
/// "ruleassigned" (an assignment rule's decision: rule, to) or the audit action without "lead."
/// ("updated", "assigned", "pooled", "blacklisted", "converted", "revealed", …). <see cref="FromNumber"/> names a lead
/// that was merged into this one. Personal data appears masked only.
/// </summary>
public sealed record LeadTimelineEntry(
    DateTimeOffset At, string Kind, string? ActorName, string? FromNumber,
    IReadOnlyList<FieldChange> Changes, IReadOnlyDictionary<string, string> Data, LeadTimelineFollowUp? FollowUp = null);

/// <summary>The lead's whole history, newest first: its creation, audited actions and follow-ups, including those of leads merged into it.</summary>
public sealed class GetLeadTimeline(ITenantDbContextFactory contexts, ICurrentUserAccessor current)
{
    public const int MaxEntries = 500;

    public async Task<Result<IReadOnlyList<LeadTimelineEntry>>> HandleAsync(Guid leadId, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var lead = await db.Leads.AsNoTracking().VisibleOrPooled(user).Where(l => l.Id == leadId)
            .Select(l => new Origin(l.Id, l.Number, l.Channel, l.ImportId, l.CreatedById, l.CreatedAt)).FirstOrDefaultAsync(ct);
        if (lead is null) return Result<IReadOnlyList<LeadTimelineEntry>>.Fail([LeadDetailAccess.NotFound]);

        var origins = new List<Origin> { lead };
        for (var level = new List<Guid> { lead.Id }; level.Count > 0 && origins.Count < 100;)
        {
            var merged = await db.Leads.AsNoTracking().Where(l => l.MergedIntoId != null && level.Contains(l.MergedIntoId.Value))
                .Select(l => new Origin(l.Id, l.Number, l.Channel, l.ImportId, l.CreatedById, l.CreatedAt)).ToListAsync(ct);
            merged.RemoveAll(m => origins.Exists(o => o.Id == m.Id));
            origins.AddRange(merged);
            level = merged.Select(m => m.Id).ToList();
        }
        var ids = origins.Select(o => o.Id).ToList();
        var keys = ids.Select(i => i.ToString()).ToList();
        string? FromNumber(Guid id) => id == lead.Id ? null : origins.First(o => o.Id == id).Number;

        var creators = origins.Select(o => o.CreatedById).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => creators.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var importIds = origins.Select(o => o.ImportId).OfType<Guid>().Distinct().ToList();
        var files = await db.LeadImports.Where(i => importIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.FileName, ct);

        var entries = new List<(LeadTimelineEntry Entry, long Order)>();
        foreach (var o in origins)
        {
            var data = new Dictionary<string, string> { ["channel"] = o.Channel.ToString(), ["number"] = o.Number };
            if (o.ImportId is { } import && files.TryGetValue(import, out var file)) data["file"] = file;
            entries.Add((new LeadTimelineEntry(o.CreatedAt, "created", o.CreatedById is { } c ? names.GetValueOrDefault(c) : null, FromNumber(o.Id), [], data), long.MinValue));
        }

        var audits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "lead" && keys.Contains(a.EntityId!) && a.Action != "lead.created" && !a.Action.StartsWith("followup."))
            .OrderByDescending(a => a.Id).Take(MaxEntries).ToListAsync(ct);
        foreach (var a in audits)
        {
            var (changes, data) = LeadTimelineDetails.Parse(a.Details);
            var kind = a.Action.StartsWith("lead.", StringComparison.Ordinal) ? a.Action["lead.".Length..] : a.Action;
            // The system's own entries (reclaims) carry no actor: the page names it in the member's language.
            var actor = a.ActorId is null && a.ActorName == AuditActor.System.Name ? null : a.ActorName;
            entries.Add((new LeadTimelineEntry(a.At, kind, actor, FromNumber(Guid.Parse(a.EntityId!)), changes, data), a.Id));
        }

        await AddRuleDecisionAsync(db, lead.Id, entries, ct);

        var followUps = await db.FollowUps.AsNoTracking().Where(f => ids.Contains(f.LeadId)).ToListAsync(ct);
        foreach (var f in followUps)
            entries.Add((new LeadTimelineEntry(f.At, "followup", f.AuthorName, FromNumber(f.LeadId), [], new Dictionary<string, string>(),
                new LeadTimelineFollowUp(f.Channel, f.Content, f.Outcome, f.NextAt)), 0));

        var comments = await db.LeadComments.AsNoTracking().Where(c => ids.Contains(c.LeadId)).ToListAsync(ct);
        var mentioned = comments.SelectMany(c => c.MentionIds).Distinct().ToList();
        var mentionNames = mentioned.Count == 0 ? [] : await db.Users.Where(u => mentioned.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        foreach (var c in comments)
            entries.Add((new LeadTimelineEntry(c.CreatedAt, "comment", c.AuthorName, FromNumber(c.LeadId), [], new Dictionary<string, string>
            {
                ["text"] = c.Text,
                ["mentions"] = string.Join(' ', c.MentionIds.Select(m => "@" + mentionNames.GetValueOrDefault(m, "?"))),
            }), 0));

        IReadOnlyList<LeadTimelineEntry> ordered = entries
            .OrderByDescending(e => e.Entry.At).ThenByDescending(e => e.Order).Select(e => e.Entry).Take(MaxEntries).ToList();
        return Result<IReadOnlyList<LeadTimelineEntry>>.Ok(ordered);
    }

    /// <summary>
    /// The rule that decided where the lead went when it arrived, at its creation: who got it then is the "from" of
    /// the first later hand-over, else its owner now.
    /// </summary>
    private static async Task AddRuleDecisionAsync(AgencyDbContext db, Guid leadId, List<(LeadTimelineEntry Entry, long Order)> entries, CancellationToken ct)
    {
        var decided = await db.Leads.AsNoTracking().Where(l => l.Id == leadId && l.AssignedRuleId != null)
            .Select(l => new { l.CreatedAt, l.OwnerId, Rule = db.AssignmentRules.Where(r => r.Id == l.AssignedRuleId).Select(r => r.Name).FirstOrDefault() }).FirstOrDefaultAsync(ct);
        if (decided?.Rule is null) return;
        var handedOver = entries.Where(e => e.Entry.Kind is "assigned" or "claimed" or "released" && e.Entry.FromNumber is null).OrderBy(e => e.Entry.At).ThenBy(e => e.Order).FirstOrDefault();
        var first = handedOver.Entry is { } later ? later.Data.GetValueOrDefault("from")
            : decided.OwnerId is null ? null : await db.Users.Where(u => u.Id == decided.OwnerId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        entries.Add((new LeadTimelineEntry(decided.CreatedAt, "ruleassigned", null, null, [], new Dictionary<string, string> { ["rule"] = decided.Rule, ["to"] = first ?? "" }), long.MinValue + 1));
    }

    private sealed record Origin(Guid Id, string Number, LeadChannel Channel, Guid? ImportId, string? CreatedById, DateTimeOffset CreatedAt);
}

/// <summary>Reads the JSON details of an audit entry: its "changes" list and its plain top-level values.</summary>
public static class LeadTimelineDetails
{
    public static (IReadOnlyList<FieldChange> Changes, IReadOnlyDictionary<string, string> Data) Parse(string? details)
    {
        var changes = new List<FieldChange>();
        var data = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(details)) return (changes, data);
        using var json = JsonDocument.Parse(details);
        if (json.RootElement.ValueKind != JsonValueKind.Object) return (changes, data);
        foreach (var property in json.RootElement.EnumerateObject())
        {
            if (property.NameEquals("changes") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var c in property.Value.EnumerateArray())
                    if (c.ValueKind == JsonValueKind.Object)
                        changes.Add(new FieldChange(Text(c, "Field") ?? "", Text(c, "Old"), Text(c, "New")));
                continue;
            }
            if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                data[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }
        return (changes, data);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
