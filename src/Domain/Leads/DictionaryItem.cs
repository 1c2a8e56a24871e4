namespace LoanSaaS.Domain.Leads;

/// <summary>One entry of an agency's own list (loan types, source channels). The key never changes once used.</summary>
public sealed class DictionaryItem
{
    public int Id { get; set; }
    public DictionaryKind Kind { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
