namespace LoanSaaS.Domain.Leads;

/// <summary>Validated, normalised incoming lead data (from a form, a row or an API call), personal data already sealed.</summary>
public sealed record LeadDraft
{
    public required string Name { get; init; }
    public required SealedValue Mobile { get; init; }
    public SealedValue IdNumber { get; init; } = SealedValue.Empty;
    public DateOnly? BirthDate { get; init; }
    public bool? IsMale { get; init; }
    public string? City { get; init; }
    public string? LoanType { get; init; }
    public decimal? AmountWan { get; init; }
    public string? Purpose { get; init; }
    public int? TermMonths { get; init; }
    public CreditStatus? CreditStatus { get; init; }
    public string? Source { get; init; }
    public IntentLevel? Intent { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<CustomFields.CustomFieldEntry> Custom { get; init; } = [];
}
