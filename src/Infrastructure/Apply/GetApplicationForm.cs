using LoanSaaS.Domain.Leads;
using LoanSaaS.Infrastructure.Leads;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Settings;
using LoanSaaS.Tenancy.Resolution;

namespace LoanSaaS.Infrastructure.Apply;

public sealed record LoanTypeChoice(string Key, string Name);

/// <param name="Title">The agency's own title, or null for the default.</param>
/// <param name="IndicativeAnnualRate">The annual rate (%) of the monthly-payment estimate, labelled as indicative.</param>
public sealed record ApplicationForm(
    string AgencyName, string? Title, string? Intro, string ConsentVersion, string ConsentText,
    IReadOnlyList<LoanTypeChoice> LoanTypes, decimal IndicativeAnnualRate);

/// <summary>What the public form of the agency of the host shows (anonymous; nothing personal).</summary>
public sealed class GetApplicationForm(ITenantDbContextFactory contexts, TenantContext tenant, TimeProvider time)
{
    /// <summary>A typical rate of the unsecured loans agencies broker; shown as 参考 (indicative) only.</summary>
    public const decimal IndicativeAnnualRate = 10.8m;

    public async Task<ApplicationForm> HandleAsync(CancellationToken ct)
    {
        var agency = tenant.Required;
        await using var db = contexts.Create();
        var (consent, _) = await LeadSettingsStore.ConsentAsync(db, time, ct);
        var text = await LeadSettingsStore.ConsentTextAsync(db, consent.Current, ct) ?? "";
        var form = await LeadSettingsStore.FormTextAsync(db, ct);
        var types = (await LeadDictionaries.LoadAsync(db, ct)).Active(DictionaryKind.LoanType).Select(t => new LoanTypeChoice(t.Key, t.Name)).ToList();
        return new ApplicationForm(agency.Name, form.Title, form.Intro, consent.Current, text, types, IndicativeAnnualRate);
    }
}
