using LoanSaaS.Domain.Appointments;
using LoanSaaS.Domain.FollowUps;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.FollowUps;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Live;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Appointments;

/// <param name="ShowedUp">False records a visit the customer missed (未到访).</param>
public sealed record RecordAppointmentOutcomeRequest(Guid AppointmentId, long Version, bool ShowedUp, FollowUpOutcome Outcome, string? Content, DateTimeOffset? NextAt);

/// <summary>
/// How a visit went, recorded as a follow-up on its lead (channel 面访, with the next contact if any), in the same
/// transaction as the visit's new state. Refusals: Appointment.NotFound / NotChangeable, ChangedByOthers, the follow-up's field codes.
/// </summary>
public sealed class RecordAppointmentOutcome(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TenantContext tenant, AuditLog audit, ILiveEvents live, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(RecordAppointmentOutcomeRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var now = time.GetUtcNow();
        var errors = LogFollowUp.Validate(new LogFollowUpRequest(Guid.Empty, FollowUpChannel.Visit, request.Content, request.Outcome, request.NextAt), now);
        if (errors.Count > 0) return Result<Guid>.Fail(errors);

        await using var db = contexts.Create();
        var opened = await AppointmentChange.OpenAsync(db, user, request.AppointmentId, request.Version, ct);
        if (opened.Value is not { } appointment) return Result<Guid>.Fail(opened.Errors);
        var allowed = request.ShowedUp ? AppointmentRules.CanRecordOutcome(appointment, now) : AppointmentRules.CanRecordNoShow(appointment, now);
        if (!allowed) return Result<Guid>.Fail("Appointment", "NotChangeable");
        var lead = await db.Leads.FirstAsync(l => l.Id == appointment.LeadId, ct);

        var followUp = new FollowUp
        {
            LeadId = lead.Id, Channel = FollowUpChannel.Visit, Content = request.Content!.Trim(), Outcome = request.Outcome, At = now,
            NextAt = request.NextAt?.ToUniversalTime(), AuthorId = user.UserId, AuthorName = user.FullName,
        };
        await LogFollowUp.AddAsync(db, lead, followUp, ct);
        appointment.Status = request.ShowedUp ? AppointmentStatus.Completed : AppointmentStatus.NoShow;
        appointment.OutcomeFollowUpId = followUp.Id;
        appointment.Version++;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), request.ShowedUp ? "appointment.completed" : "appointment.noshow", "lead", lead.Id.ToString(),
            new { appointment = appointment.Id, startsAt = appointment.StartsAt, outcome = request.Outcome.ToString(), followUp = followUp.Id });
        var committed = await AppointmentChange.CommitAsync(db, live, tenant.Required.Id, appointment, [], followUp.Id, ct);
        // The follow-up changed the lead's card (next follow-up): boards and lists re-read it.
        if (committed.Succeeded) await live.PublishAsync(Leads.LeadEvents.Topic(tenant.Required.Id), Leads.LeadEvents.Changed(1, lead.Id), ct);
        return committed;
    }
}
