using System.Globalization;
using System.Text.Json;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Settings;
using LoanSaaS.Domain.Team;
using LoanSaaS.Domain.Time;
using LoanSaaS.Infrastructure.Audit;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Settings;

/// <param name="Stamp">What the editor read (<see cref="LeadSettings.Stamp"/>); a section changed by someone else since is refused.</param>
public sealed record UpdateLeadSettingsRequest(DuplicatePolicy DuplicatePolicy, string ConsentText, string? FormTitle, string? FormIntro, LeadSettingsStamp Stamp);

/// <summary>
/// Saves the lead settings. A changed consent text becomes a new version ("v3-20261123"); earlier versions and their
/// texts stay, so every lead's consent can be shown as agreed. Only sections that differ are written and audited.
/// </summary>
public sealed class UpdateLeadSettings(ITenantDbContextFactory contexts, ICurrentUserAccessor current, AuditLog audit, TimeProvider time)
{
    public async Task<Result> HandleAsync(UpdateLeadSettingsRequest request, CancellationToken ct)
    {
        var user = await current.RequireAsync(Permission.ManageSettings, ct);
        var consentText = (request.ConsentText ?? "").Trim();
        var title = Optional(request.FormTitle);
        var intro = Optional(request.FormIntro);
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(request.DuplicatePolicy)) errors.Add(new("DuplicatePolicy", "Invalid"));
        if (consentText.Length == 0) errors.Add(new("ConsentText", "Required"));
        else if (consentText.Length > LeadSettingsStore.MaxConsentLength) errors.Add(new("ConsentText", "TooLong"));
        if (title?.Length > ApplyFormText.MaxTitleLength) errors.Add(new("FormTitle", "TooLong"));
        if (intro?.Length > ApplyFormText.MaxIntroLength) errors.Add(new("FormIntro", "TooLong"));
        if (errors.Count > 0) return Result.Fail(errors);

        await using var db = contexts.Create();
        var actor = new AuditActor(user.UserId, user.FullName);
        var (index, _) = await LeadSettingsStore.ConsentAsync(db, time, ct);
        var changed = false;

        if (await LeadSettingsStore.DuplicatePolicyAsync(db, ct) != request.DuplicatePolicy)
        {
            if (!await StageAsync(db, LeadSettingKeys.DuplicatePolicy, request.DuplicatePolicy.ToString(), request.Stamp.Policy, ct)) return Conflict();
            audit.Add(db, actor, "settings.duplicate-policy", "setting", LeadSettingKeys.DuplicatePolicy, new { policy = request.DuplicatePolicy.ToString() });
            changed = true;
        }

        if (await LeadSettingsStore.ConsentTextAsync(db, index.Current, ct) != consentText)
        {
            var now = time.GetUtcNow();
            var id = string.Create(CultureInfo.InvariantCulture, $"v{index.Versions.Count + 1}-{Shanghai.DateOf(now):yyyyMMdd}");
            var next = new ConsentIndex(id, [.. index.Versions, new ConsentVersionInfo(id, now, user.FullName)]);
            if (!await StageAsync(db, LeadSettingKeys.Consent, JsonSerializer.Serialize(next, LeadSettingsStore.Json), request.Stamp.Consent, ct)) return Conflict();
            db.Settings.Add(new AgencySetting { Key = LeadSettingKeys.ConsentText(id), Value = consentText, Version = 1 });
            audit.Add(db, actor, "settings.consent", "setting", LeadSettingKeys.Consent, new { version = id, length = consentText.Length });
            changed = true;
        }

        var form = new ApplyFormText(title, intro);
        if (await LeadSettingsStore.FormTextAsync(db, ct) != form)
        {
            if (!await StageAsync(db, LeadSettingKeys.ApplyForm, JsonSerializer.Serialize(form, LeadSettingsStore.Json), request.Stamp.Form, ct)) return Conflict();
            audit.Add(db, actor, "settings.apply-form", "setting", LeadSettingKeys.ApplyForm, new { title, intro });
            changed = true;
        }

        if (!changed) return Result.Ok();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent save won the version (update) or the key (first insert).
            return Conflict();
        }
        return Result.Ok();
    }

    /// <summary>Updates or inserts a row expecting <paramref name="expectedVersion"/> (0 = not there yet); false when it is already stale.</summary>
    private static async Task<bool> StageAsync(AgencyDbContext db, string key, string value, long expectedVersion, CancellationToken ct)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if ((row?.Version ?? 0) != expectedVersion) return false;
        if (row is null)
        {
            db.Settings.Add(new AgencySetting { Key = key, Value = value, Version = 1 });
            return true;
        }
        row.Value = value;
        row.Version = expectedVersion + 1;
        return true;
    }

    private static Result Conflict() => Result.Fail("", "ChangedByOthers");

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
