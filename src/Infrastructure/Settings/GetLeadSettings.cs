using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Team;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Settings;

/// <summary>The versions of the three setting rows as read; an update sends them back so a stale edit is refused.</summary>
public sealed record LeadSettingsStamp(long Policy, long Consent, long Form);

public sealed record LeadSettings(
    DuplicatePolicy DuplicatePolicy,
    ConsentVersionInfo CurrentConsent,
    string ConsentText,
    IReadOnlyList<ConsentVersionInfo> ConsentHistory,
    ApplyFormText Form,
    LeadSettingsStamp Stamp);

/// <summary>The agency's lead settings for the settings page: duplicate policy, consent (current and history), form texts.</summary>
public sealed class GetLeadSettings(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<LeadSettings> HandleAsync(CancellationToken ct)
    {
        await current.RequireAsync(Permission.ManageSettings, ct);
        await using var db = contexts.Create();
        var (consent, consentVersion) = await LeadSettingsStore.ConsentAsync(db, time, ct);
        var policyRow = await LeadSettingsStore.RowAsync(db, LeadSettingKeys.DuplicatePolicy, ct);
        var formRow = await LeadSettingsStore.RowAsync(db, LeadSettingKeys.ApplyForm, ct);
        var currentInfo = consent.Versions.Single(v => v.Id == consent.Current);
        return new LeadSettings(
            await LeadSettingsStore.DuplicatePolicyAsync(db, ct),
            currentInfo,
            await LeadSettingsStore.ConsentTextAsync(db, consent.Current, ct) ?? "",
            consent.Versions.Reverse().ToList(),
            await LeadSettingsStore.FormTextAsync(db, ct),
            new LeadSettingsStamp(policyRow?.Version ?? 0, consentVersion, formRow?.Version ?? 0));
    }
}
