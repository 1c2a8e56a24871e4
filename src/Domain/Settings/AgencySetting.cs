namespace LoanSaaS.Domain.Settings;

/// <summary>One named agency setting, stored as text (JSON for structured values).</summary>
public sealed class AgencySetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public long Version { get; set; }
}
