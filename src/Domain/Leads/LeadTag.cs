namespace LoanSaaS.Domain.Leads;

public sealed class LeadTag
{
    public const int MaxLength = 20;
    public const int MaxPerLead = 10;

    public Guid LeadId { get; set; }
    public required string Tag { get; set; }
}
