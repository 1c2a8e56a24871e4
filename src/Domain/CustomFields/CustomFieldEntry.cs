namespace LoanSaaS.Domain.CustomFields;

/// <summary>
/// A custom field's value as validated from text: what goes into its <see cref="CustomFieldValue"/>
/// rows (several texts for a multi-select; a sealed value for personal data, its mask as text).
/// </summary>
public sealed record CustomFieldEntry(Guid FieldId)
{
    public IReadOnlyList<string> Texts { get; init; } = [];
    public decimal? Number { get; init; }
    public DateOnly? Date { get; init; }
    public bool? Flag { get; init; }
    public Leads.SealedValue Sealed { get; init; } = Leads.SealedValue.Empty;

    public bool IsEmpty => Texts.Count == 0 && Number is null && Date is null && Flag is null && !Sealed.HasValue;
}
