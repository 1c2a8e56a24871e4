using System.Text.Json;
using LoanSaaS.Domain.Imports;
using LoanSaaS.Domain.Leads;
using LoanSaaS.Domain.Settings;
using LoanSaaS.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LoanSaaS.Infrastructure.Imports;

/// <summary>
/// The agency's last chosen mapping (AgencySetting "leads.import.mapping": normalized header → field), which wins over
/// the automatic guess for the same header next time; and the agency's default duplicate policy.
/// </summary>
public static class ImportMappingMemory
{
    private const int MaxRemembered = 200;

    public static async Task<IReadOnlyList<ImportField>> SuggestAsync(AgencyDbContext db, IReadOnlyList<string?> headers, CancellationToken ct)
    {
        var remembered = await LoadAsync(db, ct);
        var auto = ImportHeaderMapper.Map(headers);
        var result = new ImportField[headers.Count];
        var taken = new HashSet<ImportField>();
        for (var i = 0; i < headers.Count; i++)
            if (headers[i] is { } h && remembered.TryGetValue(ImportHeaderMapper.Normalize(h), out var field) && taken.Add(field))
                result[i] = field;
        for (var i = 0; i < headers.Count; i++)
            if (result[i] == ImportField.Ignore && auto[i] != ImportField.Ignore && taken.Add(auto[i]))
                result[i] = auto[i];
        return result;
    }

    /// <summary>Adds the chosen fields (not the ignored columns) to the remembered mapping; the caller saves.</summary>
    public static async Task RememberAsync(AgencyDbContext db, IReadOnlyList<string?> headers, IReadOnlyList<ImportField> fields, CancellationToken ct)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == ImportLimits.MappingSettingKey, ct);
        var remembered = Parse(setting?.Value);
        for (var i = 0; i < Math.Min(headers.Count, fields.Count); i++)
        {
            if (fields[i] == ImportField.Ignore || headers[i] is not { } h || ImportHeaderMapper.Normalize(h) is not { Length: > 0 } key) continue;
            // A field belongs to one header: choosing "电话" for Mobile forgets an earlier "手机" → Mobile.
            foreach (var stale in remembered.Where(r => r.Value == fields[i]).Select(r => r.Key).ToList()) remembered.Remove(stale);
            remembered[key] = fields[i];
        }
        var value = JsonSerializer.Serialize(remembered.Take(MaxRemembered).ToDictionary(r => r.Key, r => r.Value.ToString()));
        if (setting is null) db.Settings.Add(new AgencySetting { Key = ImportLimits.MappingSettingKey, Value = value });
        else if (setting.Value != value)
        {
            setting.Value = value;
            setting.Version++;
        }
    }

    public static async Task<DuplicatePolicy> DefaultPolicyAsync(AgencyDbContext db, CancellationToken ct)
    {
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == ImportLimits.PolicySettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return Enum.TryParse<DuplicatePolicy>(value?.Trim().Trim('"'), ignoreCase: true, out var policy) ? policy : DuplicatePolicy.FillEmpty;
    }

    private static async Task<Dictionary<string, ImportField>> LoadAsync(AgencyDbContext db, CancellationToken ct) =>
        Parse(await db.Settings.AsNoTracking().Where(s => s.Key == ImportLimits.MappingSettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct));

    private static Dictionary<string, ImportField> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
                .Where(p => Enum.TryParse<ImportField>(p.Value, out var f) && f != ImportField.Ignore)
                .ToDictionary(p => p.Key, p => Enum.Parse<ImportField>(p.Value));
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
