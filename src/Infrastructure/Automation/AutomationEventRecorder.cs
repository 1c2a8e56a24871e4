using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.Automation;
using LoanSaaS.Domain.CustomFields;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Automation;

/// <summary>
/// The one choke point of event triggers: before a context of a request or a rule run saves, it turns the tracked
/// changes (new leads, changed fields and stages, new owners, follow-ups, visits) into <see cref="AutomationEvent"/>
/// rows, grouped so a batch of 2,000 captured leads is one row, in the same transaction. Only what the agency's
/// enabled rules listen to is written; an agency without event rules pays one cached lookup.
/// </summary>
public sealed class AutomationEventRecorder(AutomationTriggerCache cache, AutomationSignal signal, TenantInfo agency, int depth, TimeProvider time)
{
    private List<Guid>? _untrackedCreated;

    public int Depth => depth;

    /// <summary>Leads written past the change tracker (PostgreSQL COPY) that the next save must announce as created.</summary>
    internal void NoteCreated(IEnumerable<Lead> leads) => (_untrackedCreated ??= []).AddRange(leads.Select(l => l.Id));

    /// <returns>Whether events were added to this save.</returns>
    internal async Task<bool> RecordAsync(AgencyDbContext db, CancellationToken ct)
    {
        var untracked = _untrackedCreated;
        _untrackedCreated = null;
        var listening = await cache.GetAsync(agency.Id, db, ct);
        if (listening.IsEmpty) return false;

        var found = new Dictionary<(TriggerKind Kind, string? Detail), HashSet<Guid>>();
        void Add(TriggerKind kind, string? detail, Guid leadId)
        {
            if (!listening.Wants(kind, detail)) return;
            if (!found.TryGetValue((kind, detail), out var ids)) found[(kind, detail)] = ids = [];
            ids.Add(leadId);
        }

        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Lead lead when entry.State == EntityState.Added:
                    Add(TriggerKind.LeadCreated, null, lead.Id);
                    if (lead.OwnerId is not null && lead.AssignedRuleId is not null) Add(TriggerKind.Assigned, null, lead.Id);
                    break;
                case Lead lead when entry.State == EntityState.Modified:
                    foreach (var property in entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
                    {
                        var name = property.Metadata.Name;
                        if (name == nameof(Lead.StageId) && lead.StageId is { } stage) Add(TriggerKind.StageChanged, stage.ToString(), lead.Id);
                        if (name == nameof(Lead.OwnerId) && lead.OwnerId is not null) Add(TriggerKind.Assigned, null, lead.Id);
                        if (FieldKey(name) is { } key) Add(TriggerKind.FieldChanged, key, lead.Id);
                    }
                    break;
                case LeadTag tag when entry.State is EntityState.Added or EntityState.Deleted:
                    Add(TriggerKind.FieldChanged, "Tags", tag.LeadId);
                    break;
                case CustomFieldValue value when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    Add(TriggerKind.FieldChanged, CustomFieldKeys.Of(value.FieldId), value.LeadId);
                    break;
                case FollowUp followUp when entry.State == EntityState.Added:
                    Add(TriggerKind.FollowUpLogged, null, followUp.LeadId);
                    break;
                case Appointment visit when entry.State == EntityState.Added
                    || (entry.State == EntityState.Modified && entry.Property(nameof(Appointment.StartsAt)).IsModified):
                    Add(TriggerKind.AppointmentScheduled, null, visit.LeadId);
                    break;
            }
        }
        foreach (var id in untracked ?? []) Add(TriggerKind.LeadCreated, null, id);
        if (found.Count == 0) return false;

        var now = time.GetUtcNow();
        foreach (var ((kind, detail), ids) in found)
            db.AutomationEvents.Add(new AutomationEvent { Kind = kind, Detail = detail, LeadIds = ids.ToList(), Depth = depth, CreatedAt = now });
        return true;
    }

    /// <summary>The save committed (or joined a transaction its caller commits next): this node drains the events now.</summary>
    internal void Saved() => signal.Raise(agency);

    /// <summary>The condition field a lead property is (personal data aside: sealed values only count as given or not).</summary>
    private static string? FieldKey(string property) => property switch
    {
        nameof(Lead.City) or nameof(Lead.LoanType) or nameof(Lead.Source) or nameof(Lead.AmountWan) or nameof(Lead.TermMonths) or nameof(Lead.Purpose)
            or nameof(Lead.Intent) or nameof(Lead.CreditStatus) or nameof(Lead.Status) or nameof(Lead.BirthDate) or nameof(Lead.OwnerId) or nameof(Lead.TeamId)
            or nameof(Lead.StageId) or nameof(Lead.NextFollowUpAt) => property,
        nameof(Lead.ConvertedAt) => "IsCustomer",
        _ => null,
    };
}
