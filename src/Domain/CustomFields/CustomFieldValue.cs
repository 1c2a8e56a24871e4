namespace LoanSaaS.Domain.CustomFields;

/// <summary>
/// One value of a custom field on a lead, in the column of its type. A multi-select has a row per chosen option
/// (<see cref="Ordinal"/> 0, 1, …); personal data (mobile, ID number) is sealed: cipher, blind index, and the mask in <see cref="Text"/>.
/// </summary>
public sealed class CustomFieldValue
{
    public Guid LeadId { get; set; }
    public Guid FieldId { get; set; }
    public int Ordinal { get; set; }
    public string? Text { get; set; }
    public decimal? Number { get; set; }
    public DateOnly? Date { get; set; }
    public bool? Flag { get; set; }
    public byte[]? Cipher { get; set; }
    public string? Index { get; set; }
}
