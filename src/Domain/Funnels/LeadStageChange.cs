namespace LoanSaaS.Domain.Funnels;

/// <summary>One move of a lead's card from a stage to another: the board's stage history.</summary>
public sealed class LeadStageChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LeadId { get; set; }
    public Guid BoardId { get; set; }
    public Guid? FromStageId { get; set; }
    public Guid ToStageId { get; set; }
    public required string MovedById { get; set; }
    public required string MovedByName { get; set; }
    public DateTimeOffset MovedAt { get; set; }
}
