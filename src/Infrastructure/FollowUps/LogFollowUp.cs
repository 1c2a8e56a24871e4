using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.FollowUps;

public sealed record LogFollowUpRequest(Guid LeadId, FollowUpChannel Channel, string? Content, FollowUpOutcome Outcome, DateTimeOffset? NextAt);

/// <summary>
/// Records one contact with a lead the member may see. The lead's next follow-up becomes the new one's (or none), and
/// reminders of earlier follow-ups are closed: the contact they asked for has happened.
/// </summary>
public sealed class LogFollowUp(ITenantDbContextFactory contexts, TenantContext tenant, ICurrentUserAccessor current, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task<Result<Guid>> HandleAsync(LogFollowUpRequest request, CancellationToken ct)
    {
        var actor = await current.RequireAsync(Permission.None, ct);
        var now = time.GetUtcNow();
        var errors = Validate(request, now);
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.Create();
            var lead = await db.Leads.VisibleTo(actor).FirstOrDefaultAsync(l => l.Id == request.LeadId, ct);
            if (lead is null) return Result<Guid>.Fail("Lead", "NotFound");
            if (lead.Status is LeadStatus.Merged or LeadStatus.Blacklisted) return Result<Guid>.Fail("Lead", "Closed");

            var followUp = new FollowUp
            {
                LeadId = lead.Id, Channel = request.Channel, Content = request.Content!.Trim(), Outcome = request.Outcome,
                At = now, NextAt = request.NextAt?.ToUniversalTime(), AuthorId = actor.UserId, AuthorName = actor.FullName,
            };
            await AddAsync(db, lead, followUp, ct);
            audit.Add(db, new AuditActor(actor.UserId, actor.FullName), "followup.logged", "lead", lead.Id.ToString(), new
            {
                followUp = followUp.Id, channel = followUp.Channel.ToString(), outcome = followUp.Outcome.ToString(), next = followUp.NextAt,
            });
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
                return Result<Guid>.Fail("", "ChangedByOthers");
            }
            await live.PublishAsync(LeadEvents.Topic(tenant.Required.Id), LeadEvents.Changed(1, lead.Id), ct);
            return Result<Guid>.Ok(followUp.Id);
        }
    }

    /// <summary>
    /// Adds a follow-up to a tracked lead: it becomes the lead's last contact and its next one (or none), and the
    /// reminders of earlier follow-ups are closed — the contact they asked for has happened. Also used by a visit's outcome.
    /// </summary>
    internal static async Task AddAsync(AgencyDbContext db, Lead lead, FollowUp followUp, CancellationToken ct)
    {
        var open = await db.FollowUps.Where(f => f.LeadId == lead.Id && !f.IsClosed).ToListAsync(ct);
        open.ForEach(f => f.IsClosed = true);
        followUp.IsClosed = followUp.NextAt is null;
        db.FollowUps.Add(followUp);
        lead.LastFollowUpAt = followUp.At;
        lead.FollowUpCount++;
        lead.NextFollowUpAt = followUp.NextAt;
        lead.UpdatedAt = followUp.At;
        lead.Version++;
    }

    internal static List<FieldError> Validate(LogFollowUpRequest request, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(request.Channel)) errors.Add(new("Channel", "Invalid"));
        if (!Enum.IsDefined(request.Outcome)) errors.Add(new("Outcome", "Invalid"));
        if (string.IsNullOrWhiteSpace(request.Content)) errors.Add(new("Content", "Required"));
        else if (request.Content.Trim().Length > FollowUp.MaxContentLength) errors.Add(new("Content", "TooLong"));
        if (request.NextAt is { } next && next <= now) errors.Add(new("NextAt", "InPast"));
        return errors;
    }
}
