namespace LoanSaaS.Infrastructure.Leads;

/// <summary>
/// Lead data as typed or uploaded: every field is text so nothing the user entered is lost on a validation error.
/// Loan type and source accept a dictionary key or name; amount is in 万元 (values ≥ 10,000 or ending in 元 are read as 元).
/// </summary>
public sealed record LeadInput
{
    public string? Name { get; init; }
    public string? Mobile { get; init; }
    public string? IdNumber { get; init; }
    public string? City { get; init; }
    public string? LoanType { get; init; }
    public string? Amount { get; init; }
    public string? Purpose { get; init; }
    public string? Term { get; init; }
    public string? CreditStatus { get; init; }
    public string? Source { get; init; }
    public string? Intent { get; init; }
    public string? Tags { get; init; }
    /// <summary>The agency's own fields by key ("cf_…"); a key left out leaves the field as it is.</summary>
    public IReadOnlyDictionary<string, string?> Custom { get; init; } = new Dictionary<string, string?>();
}
