using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.CustomFields;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Leads;

/// <summary>
/// A lead typed in by a member; <paramref name="OwnerId"/> (someone else as owner) and <paramref name="AutoAssign"/>
/// (the agency's assignment rules choose; the public pool when none does) need ManageLeads.
/// </summary>
public sealed record AddLeadRequest(LeadInput Input, string? OwnerId = null, bool AutoAssign = false);

/// <summary>
/// The result of a manual entry. On "Lead.Duplicate" the existing lead's number is given, and its id when the member
/// may open it; on "Lead.Blacklisted" the reason staff recorded.
/// </summary>
public sealed record AddLeadResult
{
    public Guid? LeadId { get; init; }
    public string? Number { get; init; }
    /// <summary>Whether the member who typed it may open it now (assignment rules may have given it to another team).</summary>
    public bool Visible { get; init; } = true;
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    public string? ExistingNumber { get; init; }
    public Guid? ExistingLeadId { get; init; }
    public string? BlacklistReason { get; init; }
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Manual entry: goes through <see cref="CaptureLeads"/> like every channel; a duplicate is reported, never merged silently.</summary>
public sealed class AddLead(ITenantDbContextFactory contexts, ICurrentUserAccessor current, CaptureLeads capture)
{
    public async Task<LeadEntryOptions> OptionsAsync(CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        await using var db = contexts.Create();
        var owners = user.Can(Permission.ManageLeads) ? await LeadAssignees.ListAsync(db, user, ct) : [];
        return new LeadEntryOptions(await LeadDictionaries.LoadAsync(db, ct), owners, await CustomFieldSet.LoadAsync(db, ct));
    }

    public async Task<AddLeadResult> HandleAsync(AddLeadRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.None, ct);
        var ownerId = user.UserId;
        if (request.OwnerId is { Length: > 0 } chosen && chosen != user.UserId)
        {
            if (!user.Can(Permission.ManageLeads)) throw new AccessDeniedException("Choosing another owner needs ManageLeads.");
            if (!await OwnerAllowedAsync(user, chosen, ct)) return new AddLeadResult { Errors = [new FieldError("Owner", "Unknown")] };
            ownerId = chosen;
        }

        if (request.AutoAssign && !user.Can(Permission.ManageLeads)) throw new AccessDeniedException("Assigning by rules needs ManageLeads.");
        var options = new CaptureOptions(LeadChannel.Manual, LeadDetailAccess.Actor(user), DuplicatePolicy.Skip)
        {
            OwnerId = request.AutoAssign ? null : ownerId, AutoAssign = request.AutoAssign,
        };
        var result = (await capture.HandleAsync([request.Input], options, ct))[0];
        switch (result.Outcome)
        {
            case CaptureOutcome.Created when request.AutoAssign:
                await using (var db = contexts.Create())
                    return new AddLeadResult
                    {
                        LeadId = result.LeadId, Number = result.Number, Visible = await db.Leads.VisibleOrPooled(user).AnyAsync(l => l.Id == result.LeadId, ct),
                    };
            case CaptureOutcome.Created:
                return new AddLeadResult { LeadId = result.LeadId, Number = result.Number };
            case CaptureOutcome.Rejected:
                return new AddLeadResult { Errors = result.Errors ?? [], BlacklistReason = result.BlacklistReason };
            default:
                await using (var db = contexts.Create())
                {
                    var visible = await db.Leads.VisibleOrPooled(user).AnyAsync(l => l.Id == result.LeadId, ct);
                    return new AddLeadResult
                    {
                        Errors = [new FieldError("Lead", "Duplicate")],
                        ExistingNumber = result.Number,
                        ExistingLeadId = visible ? result.LeadId : null,
                    };
                }
        }
    }

    private async Task<bool> OwnerAllowedAsync(CurrentUser user, string ownerId, CancellationToken ct)
    {
        await using var db = contexts.Create();
        return await LeadAssignees.For(db, user).AnyAsync(u => u.Id == ownerId, ct);
    }
}
