using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Notifications;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Assignment;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Funnels;
using LoanSaaS.Infrastructure.Imports;
using LoanSaaS.Infrastructure.Notifications;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.PersonalData;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LoanSaaS.Infrastructure.Leads;

public sealed record ConsentRecord(string Version, LeadChannel Channel);

/// <summary>How a batch enters: who is acting, who will own new leads and what to do with duplicates.</summary>
public sealed record CaptureOptions(LeadChannel Channel, AuditActor Actor, DuplicatePolicy Policy)
{
    /// <summary>Owner of new leads; without one they go to the public pool.</summary>
    public string? OwnerId { get; init; }
    public ConsentRecord? Consent { get; init; }
    public Guid? ImportId { get; init; }
    /// <summary>New leads without an owner go through the agency's assignment rules (分配规则); those no rule takes stay in the public pool.</summary>
    public bool AutoAssign { get; init; }
    /// <summary>The rules as planned once for a whole import; null plans them for this capture.</summary>
    public AssignmentPlan? Assignment { get; init; }
}

/// <summary>What validation needs: the agency's dictionaries, own fields and key, and the day ages are computed on.</summary>
public sealed record CaptureRules(LeadDictionaries Dictionaries, PersonalDataProtector Protector, DateOnly Today, CustomFieldScope Custom);

/// <summary>A batch after validation and sealing, ready to be stored: a result for each rejected input, a draft for each other.</summary>
public sealed class PreparedCapture
{
    internal PreparedCapture(CaptureResult?[] results, LeadDraft?[] drafts)
    {
        Results = results;
        Drafts = drafts;
    }

    internal CaptureResult?[] Results { get; }
    internal LeadDraft?[] Drafts { get; }

    internal List<string> Mobiles() => Drafts.Where(d => d is not null).Select(d => d!.Mobile.Index!).ToList();

    internal bool HasCustomValues => Drafts.Any(d => d is { Custom.Count: > 0 });

    internal List<string> IdNumbers() => Drafts.Where(d => d is { IdNumber.HasValue: true }).Select(d => d!.IdNumber.Index!).ToList();
}

/// <summary>
/// A prepared batch after its database lookups — blacklist hits and the existing leads it matches — held in the
/// context (and, on PostgreSQL, the transaction) its write then uses. Disposing it ends both.
/// </summary>
public sealed class CheckedCapture : IAsyncDisposable
{
    internal CheckedCapture(PreparedCapture batch, AgencyDbContext db, IDbContextTransaction? transaction)
    {
        Batch = batch;
        Db = db;
        Transaction = transaction;
    }

    internal PreparedCapture Batch { get; }
    internal AgencyDbContext Db { get; }
    internal IDbContextTransaction? Transaction { get; }
    internal Dictionary<string, string> BlockedMobiles { get; set; } = [];
    internal Dictionary<string, string> BlockedIdNumbers { get; set; } = [];
    internal List<Lead> Existing { get; set; } = [];

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null) await Transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}

public enum CaptureOutcome { Created, Updated, Duplicate, Rejected }

public sealed record CaptureResult(CaptureOutcome Outcome, Guid? LeadId = null, string? Number = null, IReadOnlyList<FieldError>? Errors = null, string? BlacklistReason = null);

/// <summary>
/// The one way leads enter the system (manual entry, the public form, imports, the API): validate and normalise,
/// refuse blacklisted people, find duplicates by blind index in the batch, the file and the database, then create or
/// update under the duplicate policy. Callers check permissions; this use case does the rest, in batches.
/// </summary>
public sealed class CaptureLeads(ITenantDbContextFactory contexts, TenantContext tenant, TenantPersonalData personalData, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<IReadOnlyList<CaptureResult>> HandleAsync(IReadOnlyList<LeadInput> inputs, CaptureOptions options, CancellationToken ct)
    {
        var prepared = Prepare(inputs, await RulesAsync(ct, requireAllCustom: options.Channel == LeadChannel.Manual), new HashSet<string>(StringComparer.Ordinal));
        await using var checkedBatch = await CheckAsync(prepared, ct);
        return await WriteAsync(checkedBatch, options, new HashSet<Guid>(), ct);
    }

    /// <param name="requireAllCustom">Staff entry: every required custom field must be given; other channels only refuse a blank one they sent.</param>
    public async Task<CaptureRules> RulesAsync(CancellationToken ct, bool requireAllCustom = false)
    {
        var protector = await personalData.GetAsync(ct);
        await using var db = contexts.Create();
        var fields = await CustomFieldSet.LoadAsync(db, ct);
        return new(await LeadDictionaries.LoadAsync(db, ct), protector, Shanghai.Today(time), new CustomFieldScope(fields, RequireAll: requireAllCustom));
    }

    /// <summary>
    /// Validates, normalises and seals each input, and rejects one whose mobile or ID number is already in
    /// <paramref name="seen"/> (the batch, or the whole file of an import). Only CPU work, so an import prepares the
    /// next batch while the database works on earlier ones.
    /// </summary>
    public static PreparedCapture Prepare(IReadOnlyList<LeadInput> inputs, CaptureRules rules, HashSet<string> seen)
    {
        var results = new CaptureResult?[inputs.Count];
        var drafts = new LeadDraft?[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var validated = LeadInputRules.Validate(inputs[i], rules.Dictionaries, rules.Protector, rules.Today, rules.Custom);
            if (!validated.Succeeded) { results[i] = new(CaptureOutcome.Rejected, Errors: validated.Errors); continue; }
            var draft = validated.Value!;
            if (Keys(draft).Any(k => !seen.Add(k)))
            {
                results[i] = new(CaptureOutcome.Rejected, Errors: [new FieldError("Lead", "DuplicateInFile")]);
                continue;
            }
            drafts[i] = draft;
        }
        return new(results, drafts);
    }

    /// <summary>
    /// Looks up the batch's blacklist hits and the existing leads it matches. Reads only, so an import checks batch
    /// n+1 while batch n is being written.
    /// </summary>
    public async Task<CheckedCapture> CheckAsync(PreparedCapture batch, CancellationToken ct)
    {
        var db = contexts.Create();
        try
        {
            var checkedBatch = new CheckedCapture(batch, db, await IndexLookupsAsync(db, ct));
            var (mobiles, ids) = (batch.Mobiles(), batch.IdNumbers());
            var blocked = await db.Blacklist.AsNoTracking()
                .Where(b => (b.MobileIndex != null && mobiles.Contains(b.MobileIndex)) || (b.IdNumberIndex != null && ids.Contains(b.IdNumberIndex)))
                .Select(b => new { b.MobileIndex, b.IdNumberIndex, b.Reason }).ToListAsync(ct);
            checkedBatch.BlockedMobiles = blocked.Where(b => b.MobileIndex is not null).DistinctBy(b => b.MobileIndex).ToDictionary(b => b.MobileIndex!, b => b.Reason, StringComparer.Ordinal);
            checkedBatch.BlockedIdNumbers = blocked.Where(b => b.IdNumberIndex is not null).DistinctBy(b => b.IdNumberIndex).ToDictionary(b => b.IdNumberIndex!, b => b.Reason, StringComparer.Ordinal);
            checkedBatch.Existing = await ExistingAsync(db, mobiles, ids, batch.HasCustomValues, ct);
            return checkedBatch;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Refuses blacklisted people, then creates or updates (under the policy) the leads of a checked batch.
    /// <paramref name="changedSinceCheck"/>: leads the previous batch of the same import updated, possibly after this
    /// batch read them; those are read again first.
    /// </summary>
    public async Task<IReadOnlyList<CaptureResult>> WriteAsync(CheckedCapture checkedBatch, CaptureOptions options, IReadOnlySet<Guid> changedSinceCheck, CancellationToken ct)
    {
        var db = checkedBatch.Db;
        var now = time.GetUtcNow();
        var results = checkedBatch.Batch.Results;
        var drafts = checkedBatch.Batch.Drafts;
        var existing = checkedBatch.Existing;
        if (existing.Any(l => changedSinceCheck.Contains(l.Id)))
        {
            db.ChangeTracker.Clear();
            existing = await ExistingAsync(db, checkedBatch.Batch.Mobiles(), checkedBatch.Batch.IdNumbers(), checkedBatch.Batch.HasCustomValues, ct);
        }
        var byMobile = existing.Where(l => l.Mobile.Index is not null).DistinctBy(l => l.Mobile.Index).ToDictionary(l => l.Mobile.Index!, StringComparer.Ordinal);
        var byId = existing.Where(l => l.IdNumber.Index is not null).DistinctBy(l => l.IdNumber.Index).ToDictionary(l => l.IdNumber.Index!, StringComparer.Ordinal);

        var created = new List<(int Index, Lead Lead)>();
        var updated = 0;
        for (var i = 0; i < drafts.Length; i++)
        {
            if (drafts[i] is not { } draft) continue;
            if (checkedBatch.BlockedMobiles.TryGetValue(draft.Mobile.Index!, out var reason)
                || (draft.IdNumber.HasValue && checkedBatch.BlockedIdNumbers.TryGetValue(draft.IdNumber.Index!, out reason)))
            {
                results[i] = new(CaptureOutcome.Rejected, Errors: [new FieldError("Lead", "Blacklisted")], BlacklistReason: reason);
                continue;
            }
            var match = byMobile.GetValueOrDefault(draft.Mobile.Index!)
                ?? (draft.IdNumber.HasValue ? byId.GetValueOrDefault(draft.IdNumber.Index!) : null);
            if (match is null)
            {
                var lead = NewLead(draft, options, now);
                created.Add((i, lead));
                continue;
            }
            results[i] = Update(db, match, draft, options, now, ref updated);
        }

        var bulk = LeadBulkInsert.Applies(db, created.Count);
        if (created.Count > 0) await NumberAndAddAsync(db, created, options, Shanghai.Today(time), track: !bulk, ct);
        var notifications = await AssignAsync(db, created.Select(c => c.Lead).ToList(), options, now, ct);
        foreach (var (index, lead) in created) results[index] = new(CaptureOutcome.Created, lead.Id, lead.Number);
        if (created.Count > 0 && options.ImportId is null)
            foreach (var (_, lead) in created)
                audit.Add(db, options.Actor, "lead.created", "lead", lead.Id.ToString(), new { channel = options.Channel.ToString(), number = lead.Number });
        if (bulk) await LeadBulkInsert.SaveWithAsync(db, created.Select(c => c.Lead).ToList(), ct);
        else await db.SaveChangesAsync(ct);
        if (checkedBatch.Transaction is not null) await checkedBatch.Transaction.CommitAsync(ct);

        if (created.Count + updated > 0)
            await live.PublishAsync(LeadEvents.Topic(tenant.Required.Id), LeadEvents.Changed(created.Count + updated), ct);
        foreach (var notification in notifications)
            await live.PublishAsync(NotificationEvents.Topic(tenant.Required.Id, notification.UserId), NotificationEvents.Created(notification.Id), ct);
        return results.Select(r => r!).ToList();
    }

    /// <summary>
    /// New leads without an owner, when the channel asks for it, through the assignment rules (<see cref="LeadAssigner"/>),
    /// planned now or, for an import, once for all its batches.
    /// </summary>
    private async Task<IReadOnlyList<Notification>> AssignAsync(AgencyDbContext db, List<Lead> created, CaptureOptions options, DateTimeOffset now, CancellationToken ct)
    {
        if (!options.AutoAssign || options.OwnerId is not null || created.Count == 0) return [];
        if ((options.Assignment ?? await LeadAssigner.PlanAsync(db, now, ct)) is not { } plan) return [];
        var assigned = await LeadAssigner.AssignAsync(plan, contexts, created, ct);
        // An import tells each member once, at its end (LeadImportRunner).
        return options.ImportId is null ? AssignmentRecords.Notify(db, assigned, now) : [];
    }

    /// <summary>
    /// On PostgreSQL, a transaction in which the planner probes the blind-index indexes: it costs a batch's 2,000
    /// probes above a sequential scan of a table of up to ~100,000 leads and would scan the whole table for every
    /// batch, several times slower (bench/Imports). Elsewhere none (SQLite would hold its write lock while the
    /// numbers are reserved on another connection).
    /// </summary>
    private static async Task<IDbContextTransaction?> IndexLookupsAsync(AgencyDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return null;
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        return transaction;
    }

    /// <summary>
    /// The leads (not merged away) with one of the mobiles or ID numbers, tracked, with their tags (and custom values
    /// when the batch brings some). One simple index lookup per kind: an OR of both, joined to the tags, cost an import
    /// three times as much (bench/Imports).
    /// </summary>
    private static async Task<List<Lead>> ExistingAsync(AgencyDbContext db, List<string> mobiles, List<string> ids, bool withCustomValues, CancellationToken ct)
    {
        var found = await db.Leads.Where(l => l.Status != LeadStatus.Merged && l.Mobile.Index != null && mobiles.Contains(l.Mobile.Index)).ToListAsync(ct);
        if (ids.Count > 0)
            found.AddRange(await db.Leads.Where(l => l.Status != LeadStatus.Merged && l.IdNumber.Index != null && ids.Contains(l.IdNumber.Index)).ToListAsync(ct));
        found = found.Distinct().ToList();
        if (found.Count > 0)
        {
            var keys = found.Select(l => l.Id).ToList();
            await db.LeadTags.Where(t => keys.Contains(t.LeadId)).LoadAsync(ct);
            if (withCustomValues) await db.CustomFieldValues.Where(v => keys.Contains(v.LeadId)).LoadAsync(ct);
        }
        return found;
    }

    private CaptureResult Update(AgencyDbContext db, Lead lead, LeadDraft draft, CaptureOptions options, DateTimeOffset now, ref int updated)
    {
        var changes = LeadChanges.Apply(lead, draft, options.Policy).ToList();
        if (options.Consent is { } consent)
        {
            lead.ConsentVersion = consent.Version;
            lead.ConsentAt = now;
            lead.ConsentChannel = consent.Channel;
            changes.Add(new FieldChange("Consent", null, consent.Version));
        }
        if (changes.Count == 0) return new(CaptureOutcome.Duplicate, lead.Id, lead.Number);

        lead.UpdatedAt = now;
        lead.Version++;
        updated++;
        audit.Add(db, options.Actor, "lead.updated", "lead", lead.Id.ToString(),
            new { channel = options.Channel.ToString(), import = options.ImportId, changes });
        return new(CaptureOutcome.Updated, lead.Id, lead.Number);
    }

    private static Lead NewLead(LeadDraft d, CaptureOptions options, DateTimeOffset now)
    {
        var lead = new Lead
        {
            Number = "", Name = d.Name, Mobile = d.Mobile, IdNumber = d.IdNumber, BirthDate = d.BirthDate, IsMale = d.IsMale,
            City = d.City, LoanType = d.LoanType, AmountWan = d.AmountWan, Purpose = d.Purpose, TermMonths = d.TermMonths,
            CreditStatus = d.CreditStatus, Source = d.Source, Intent = d.Intent,
            Status = options.OwnerId is null ? LeadStatus.PublicPool : LeadStatus.Active,
            Channel = options.Channel, ImportId = options.ImportId, CreatedById = options.Actor.Id, CreatedAt = now, UpdatedAt = now,
            ConsentVersion = options.Consent?.Version, ConsentAt = options.Consent is null ? null : now, ConsentChannel = options.Consent?.Channel,
        };
        lead.Tags.AddRange(d.Tags.Select(t => new LeadTag { LeadId = lead.Id, Tag = t }));
        lead.CustomValues.AddRange(d.Custom.SelectMany(e => CustomFieldChanges.Rows(lead.Id, e)));
        return lead;
    }

    private async Task NumberAndAddAsync(AgencyDbContext db, List<(int Index, Lead Lead)> created, CaptureOptions options, DateOnly today, bool track, CancellationToken ct)
    {
        var key = LeadNumber.SequenceKey(LeadNumber.LeadPrefix, today);
        var first = await NumberSequences.ReserveAsync(contexts, key, created.Count, ct);
        Guid? team = options.OwnerId is null ? null
            : await db.Users.Where(u => u.Id == options.OwnerId).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
        var stage = await EntryStage.FindAsync(db, ct);
        for (var n = 0; n < created.Count; n++)
        {
            var lead = created[n].Lead;
            lead.Number = LeadNumber.Format(key, first + n);
            lead.AssignTo(options.OwnerId, team, lead.CreatedAt);
            if (stage is { } entry) lead.EnterStage(entry, lead.CreatedAt);
        }
        if (track) db.Leads.AddRange(created.Select(c => c.Lead));
    }

    private static IEnumerable<string> Keys(LeadDraft d) =>
        d.IdNumber.HasValue ? [d.Mobile.Index!, d.IdNumber.Index!] : [d.Mobile.Index!];
}
