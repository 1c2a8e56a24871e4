namespace LoanSaaS.Domain.Settings;

/// <summary>The last number handed out for a key such as "L20261123".</summary>
public sealed class NumberSequence
{
    public required string Key { get; set; }
    public long Last { get; set; }
    public long Version { get; set; }
}
