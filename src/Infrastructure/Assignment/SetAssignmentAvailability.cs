using System.Globalization;
using LoanSaaS.Domain.Settings;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Assignment;

/// <summary>
/// Who may receive leads (needs ManageSettings): the agency's holding cap (open leads per member) and daily claim cap
/// (from the public pool), blank for none, and a member on leave through a day (rules pass them by; blank when back).
/// Refusals: HoldingCap.Invalid, DailyClaimCap.Invalid, Member.NotFound.
/// </summary>
public sealed class SetAssignmentAvailability(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit)
{
    public Task<Result> SetHoldingCapAsync(int? cap, CancellationToken ct) => SetCapAsync(AssignmentSettings.HoldingCapKey, "HoldingCap", cap, ct);

    public Task<Result> SetDailyClaimCapAsync(int? cap, CancellationToken ct) => SetCapAsync(AssignmentSettings.DailyClaimCapKey, "DailyClaimCap", cap, ct);

    private async Task<Result> SetCapAsync(string key, string field, int? cap, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        if (cap is < 1 or > AssignmentSettings.MaxCap) return Result.Fail(field, "Invalid");
        await using var db = contexts.Create();
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (cap is null && setting is not null) db.Settings.Remove(setting);
        else if (cap is { } value)
        {
            if (setting is null) db.Settings.Add(setting = new AgencySetting { Key = key, Value = "" });
            setting.Value = value.ToString(CultureInfo.InvariantCulture);
            setting.Version++;
        }
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "assignment.cap", "assignment", null, new { key, cap });
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> HandleAsync(string memberId, DateOnly? awayUntil, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var member = await db.Users.FirstOrDefaultAsync(u => u.Id == memberId && u.IsActive, ct);
        if (member is null) return Result.Fail("Member", "NotFound");
        member.AwayUntil = awayUntil;
        audit.Add(db, new AuditActor(user.UserId, user.FullName), "assignment.away", "user", member.Id, new { member = member.FullName, until = awayUntil });
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
