using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.Team;

namespace LoanSaaS.Infrastructure.Settings;

public sealed record ConsentTextView(string Version, string Text, DateTimeOffset? At);

/// <summary>The exact consent text a lead agreed to (by <see cref="Domain.Leads.Lead.ConsentVersion"/>), for the lead page.</summary>
public sealed class GetConsentText(ITenantDbContextFactory contexts, ICurrentUserAccessor current, TimeProvider time)
{
    public async Task<ConsentTextView?> HandleAsync(string version, CancellationToken ct)
    {
        _ = await current.GetAsync(ct) ?? throw new AccessDeniedException("Not signed in.");
        if (string.IsNullOrWhiteSpace(version)) return null;
        await using var db = contexts.Create();
        var (index, _) = await LeadSettingsStore.ConsentAsync(db, time, ct);
        var text = await LeadSettingsStore.ConsentTextAsync(db, version, ct);
        return text is null ? null : new ConsentTextView(version, text, index.Versions.FirstOrDefault(v => v.Id == version)?.At);
    }
}
