namespace LoanSaaS.Domain.Leads;

/// <summary>Human numbers such as L202611230001: prefix, Shanghai date, a per-day sequence of at least 4 digits.</summary>
public static class LeadNumber
{
    public const string LeadPrefix = "L";
    public const string CustomerPrefix = "C";

    public static string SequenceKey(string prefix, DateOnly day) => prefix + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(string sequenceKey, long sequence) =>
        sequenceKey + sequence.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
