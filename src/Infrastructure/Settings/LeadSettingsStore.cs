using System.Text.Encodings.Web;
using System.Text.Json;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Settings;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Settings;

/// <summary>
/// Reads the leads feature's setting rows for use cases of any feature (imports and manual entry read the duplicate
/// policy here). Permission checks belong to the calling use case.
/// </summary>
public static class LeadSettingsStore
{
    public const int MaxConsentLength = 3000;

    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The agency's default duplicate policy; <see cref="DuplicatePolicy.FillEmpty"/> until it chooses one.</summary>
    public static async Task<DuplicatePolicy> DuplicatePolicyAsync(AgencyDbContext db, CancellationToken ct)
    {
        var row = await RowAsync(db, LeadSettingKeys.DuplicatePolicy, ct);
        return row is not null && Enum.TryParse<DuplicatePolicy>(row.Value, out var policy) && Enum.IsDefined(policy) ? policy : DuplicatePolicy.FillEmpty;
    }

    public static async Task<ApplyFormText> FormTextAsync(AgencyDbContext db, CancellationToken ct) =>
        await RowAsync(db, LeadSettingKeys.ApplyForm, ct) is { } row ? JsonSerializer.Deserialize<ApplyFormText>(row.Value, Json) ?? ApplyFormText.Default : ApplyFormText.Default;

    /// <summary>
    /// The consent versions, creating "v1" with <see cref="DefaultConsent"/> the first time anyone asks, so a lead that
    /// agreed to v1 can always be shown exactly that text even if the default changes in a later release.
    /// </summary>
    public static async Task<(ConsentIndex Index, long Version)> ConsentAsync(AgencyDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await RowAsync(db, LeadSettingKeys.Consent, ct) is { } row)
            return (JsonSerializer.Deserialize<ConsentIndex>(row.Value, Json)!, row.Version);

        var index = new ConsentIndex(DefaultConsent.FirstVersion, [new ConsentVersionInfo(DefaultConsent.FirstVersion, time.GetUtcNow(), "system")]);
        db.Settings.Add(new AgencySetting { Key = LeadSettingKeys.Consent, Value = JsonSerializer.Serialize(index, Json), Version = 1 });
        db.Settings.Add(new AgencySetting { Key = LeadSettingKeys.ConsentText(DefaultConsent.FirstVersion), Value = DefaultConsent.Text, Version = 1 });
        try
        {
            await db.SaveChangesAsync(ct);
            return (index, 1);
        }
        catch (DbUpdateException)
        {
            // Another request seeded it first: use theirs.
            db.ChangeTracker.Clear();
            var stored = await RowAsync(db, LeadSettingKeys.Consent, ct) ?? throw new InvalidOperationException("Consent seeding failed.");
            return (JsonSerializer.Deserialize<ConsentIndex>(stored.Value, Json)!, stored.Version);
        }
    }

    /// <summary>The exact text of one consent version, or null when the agency never had it.</summary>
    public static async Task<string?> ConsentTextAsync(AgencyDbContext db, string version, CancellationToken ct) =>
        (await RowAsync(db, LeadSettingKeys.ConsentText(version), ct))?.Value;

    internal static Task<AgencySetting?> RowAsync(AgencyDbContext db, string key, CancellationToken ct) =>
        db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
}
