namespace LoanSaaS.Infrastructure.Imports;

public static class ImportLimits
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
    public const int MaxColumns = 200;
    public const int PreviewRows = 20;
    /// <summary>Rows per CaptureLeads call: large enough for set-based de-duplication and bulk insert, small enough for steady progress and bounded memory.</summary>
    public const int BatchSize = 2000;
    public const string MappingSettingKey = "leads.import.mapping";
    public const string PolicySettingKey = "leads.duplicate-policy";
}
